-- A view counts once the viewer asked to play (mux-embed's viewstart, on the first play), as in Mux Data.
-- The SDK already reports a view id at player start (playerready, viewinit), so a page that only
-- loaded a player used to count as a view. Rows written before this migration were all counted, so
-- they keep counting (true); new rows say so themselves (default false).
/* [jooq ignore start] */
alter table analytics_views add column started boolean not null default true;
alter table analytics_views alter column started set default false;
/* [jooq ignore stop] */
