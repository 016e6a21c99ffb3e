package io.vidcastx.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vidcastx.db.ids.OrganizationId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * PostgreSQL behind {@link AnalyticsRepository}. The raw tables are partitioned (jOOQ's code generator
 * cannot see them, see the migration), so this class speaks SQL with bind values; every statement names
 * the organization.
 */
@Repository
class JooqAnalyticsRepository implements AnalyticsRepository {

    private static final DateTimeFormatter PARTITION = DateTimeFormatter.BASIC_ISO_DATE;
    /** Ranges up to this long read the hourly rollup; longer ones the daily one. */
    static final Duration HOURLY_UP_TO = Duration.ofDays(3);

    private static final String SUMS = "coalesce(sum(views),0), coalesce(sum(unique_viewers),0), coalesce(sum(watch_time_ms),0),"
            + " coalesce(sum(playing_time_ms),0), coalesce(sum(startup_time_ms_sum),0), coalesce(sum(started_views),0),"
            + " coalesce(sum(rebuffer_ms),0), coalesce(sum(failed_views),0), coalesce(sum(exits_before_start),0)";
    private static final String ROLLUP_COLUMNS = "count(*), count(distinct viewer_id), sum(watch_time_ms), sum(playing_time_ms),"
            + " coalesce(sum(startup_time_ms),0), count(startup_time_ms), sum(rebuffer_ms),"
            + " count(*) filter (where error_code is not null),"
            + " count(*) filter (where startup_time_ms is null and error_code is null and ended)";
    private static final String DIMENSIONS = "video_ref, country, device_class, os, browser";

    private final DSLContext dsl;

    JooqAnalyticsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    @Transactional
    public void write(List<ViewUpdate> views, List<ViewEvent> events) {
        if (!views.isEmpty()) {
            upsertViews(views);
        }
        if (!events.isEmpty()) {
            insertEvents(events);
        }
        Set<List<Object>> hours = new LinkedHashSet<>();
        for (var view : views) {
            hours.add(List.of(view.organization(), view.startedAt().truncatedTo(ChronoUnit.HOURS), view.viewDay()));
        }
        Set<List<Object>> days = new LinkedHashSet<>();
        for (var hour : hours) {
            rollUpHour((OrganizationId) hour.get(0), (Instant) hour.get(1), (LocalDate) hour.get(2));
            days.add(List.of(hour.get(0), hour.get(2)));
        }
        for (var day : days) {
            rollUpDay((OrganizationId) day.get(0), (LocalDate) day.get(1));
        }
    }

    private void upsertViews(List<ViewUpdate> views) {
        var sql = new StringBuilder("insert into analytics_views (view_day, view_id, organization_id, video_ref, video_title,"
                + " viewer_id, country, region, city, device_class, os, browser, browser_version, started_at, last_event_at,"
                + " watch_time_ms, playing_time_ms, startup_time_ms, rebuffer_ms, rebuffer_count, error_code, error_message, ended,"
                + " started) values ");
        List<Object> binds = new ArrayList<>(views.size() * 24);
        for (int i = 0; i < views.size(); i++) {
            var v = views.get(i);
            sql.append(i == 0 ? "" : ",").append("(?::date,?,?::uuid,?,?,?,?,?,?,?,?,?,?,?::timestamptz,?::timestamptz,?,?,?,?,?,?,?,?,?)");
            binds.addAll(java.util.Arrays.asList(v.viewDay().toString(), v.viewId(), v.organization().value(), v.videoRef(), v.videoTitle(),
                    v.viewerId(), v.country(), v.region(), v.city(), v.deviceClass(), v.os(), v.browser(), v.browserVersion(),
                    utc(v.startedAt()), utc(v.lastEventAt()), v.watchTimeMs(), v.playingTimeMs(), v.startupTimeMs(),
                    v.rebufferMs(), v.rebufferCount(), v.errorCode(), v.errorMessage(), v.ended(), v.started()));
        }
        // A view id is the SDK's random UUID; the organization check keeps one organization's beacons
        // from ever touching another's view that happened to reuse it.
        sql.append(" on conflict (view_day, view_id) do update set"
                + " video_ref = case when analytics_views.video_ref = '' then excluded.video_ref else analytics_views.video_ref end,"
                + " video_title = coalesce(analytics_views.video_title, excluded.video_title),"
                + " last_event_at = greatest(analytics_views.last_event_at, excluded.last_event_at),"
                + " watch_time_ms = greatest(analytics_views.watch_time_ms, excluded.watch_time_ms),"
                + " playing_time_ms = greatest(analytics_views.playing_time_ms, excluded.playing_time_ms),"
                + " startup_time_ms = coalesce(analytics_views.startup_time_ms, excluded.startup_time_ms),"
                + " rebuffer_ms = greatest(analytics_views.rebuffer_ms, excluded.rebuffer_ms),"
                + " rebuffer_count = greatest(analytics_views.rebuffer_count, excluded.rebuffer_count),"
                + " error_code = coalesce(excluded.error_code, analytics_views.error_code),"
                + " error_message = coalesce(excluded.error_message, analytics_views.error_message),"
                + " ended = analytics_views.ended or excluded.ended,"
                + " started = analytics_views.started or excluded.started"
                + " where analytics_views.organization_id = excluded.organization_id");
        dsl.execute(sql.toString(), binds.toArray());
    }

    private void insertEvents(List<ViewEvent> events) {
        var sql = new StringBuilder("insert into analytics_events (view_day, view_id, organization_id, event, received_at, playhead_ms) values ");
        List<Object> binds = new ArrayList<>(events.size() * 6);
        for (int i = 0; i < events.size(); i++) {
            var e = events.get(i);
            sql.append(i == 0 ? "" : ",").append("(?::date,?,?::uuid,?,?::timestamptz,?)");
            binds.addAll(java.util.Arrays.asList(e.viewDay().toString(), e.viewId(), e.organization().value(), e.event(),
                    utc(e.receivedAt()), e.playheadMs()));
        }
        dsl.execute(sql.toString(), binds.toArray());
    }

    private void rollUpHour(OrganizationId organization, Instant hour, LocalDate day) {
        dsl.execute("delete from analytics_hourly where organization_id = ? and bucket = ?::timestamptz", organization.value(), utc(hour));
        dsl.execute("insert into analytics_hourly (organization_id, bucket, " + DIMENSIONS + ", views, unique_viewers, watch_time_ms,"
                + " playing_time_ms, startup_time_ms_sum, started_views, rebuffer_ms, failed_views, exits_before_start)"
                + " select organization_id, ?::timestamptz, " + DIMENSIONS + ", " + ROLLUP_COLUMNS + " from analytics_views"
                + " where organization_id = ? and view_day = ?::date and started_at >= ?::timestamptz and started_at < ?::timestamptz"
                + " and started group by organization_id, " + DIMENSIONS,
                utc(hour), organization.value(), day.toString(), utc(hour), utc(hour.plus(Duration.ofHours(1))));
    }

    private void rollUpDay(OrganizationId organization, LocalDate day) {
        dsl.execute("delete from analytics_daily where organization_id = ? and bucket = ?::date", organization.value(), day.toString());
        dsl.execute("insert into analytics_daily (organization_id, bucket, " + DIMENSIONS + ", views, unique_viewers, watch_time_ms,"
                + " playing_time_ms, startup_time_ms_sum, started_views, rebuffer_ms, failed_views, exits_before_start)"
                + " select organization_id, view_day, " + DIMENSIONS + ", " + ROLLUP_COLUMNS + " from analytics_views"
                + " where organization_id = ? and view_day = ?::date and started group by organization_id, view_day, " + DIMENSIONS,
                organization.value(), day.toString());
    }

    @Override
    @Transactional(readOnly = true)
    public Totals totals(AnalyticsQuery query) {
        var where = new Where(query);
        var row = dsl.fetchOne("select " + SUMS + " from " + where.table + " where " + where.sql, where.binds.toArray());
        if (row == null) {
            return Totals.NONE;
        }
        var binds = new ArrayList<Object>();
        String raw = rawWhere(query, where.from, where.to, binds);
        roomToCountViewers();
        var distinct = dsl.fetchOne("select count(*) from (select distinct viewer_id from analytics_views where " + raw + ") v",
                binds.toArray());
        return withUniqueViewers(totals(row, 0), distinct == null ? 0 : distinct.get(0, Long.class));
    }

    @Override
    @Transactional(readOnly = true)
    public List<AnalyticsData.Breakdown> breakdown(AnalyticsQuery query, AnalyticsData.Dimension dimension, int limit,
                                                   boolean countViewers) {
        var where = new Where(query);
        where.binds.add(limit);
        var rows = dsl.fetch("select " + dimension.column + ", " + SUMS + " from " + where.table + " where " + where.sql
                        + " group by " + dimension.column + " order by 2 desc, 1 limit ?", where.binds.toArray())
                .map(row -> new AnalyticsData.Breakdown(row.get(0, String.class), totals(row, 1)));
        if (!countViewers) {
            return rows.stream().map(row -> new AnalyticsData.Breakdown(row.value(), withUniqueViewers(row.totals(), 0))).toList();
        }
        if (rows.isEmpty()) {
            return rows;
        }
        var binds = new ArrayList<Object>();
        String raw = rawWhere(query, where.from, where.to, binds);
        binds.add(rows.stream().map(AnalyticsData.Breakdown::value).toArray(String[]::new));
        roomToCountViewers();
        var viewers = new java.util.HashMap<String, Long>();
        dsl.fetch("select " + dimension.column + ", count(*) from (select distinct " + dimension.column + ", viewer_id"
                        + " from analytics_views where " + raw + " and " + dimension.column + " = any(?::varchar[])) v group by 1",
                binds.toArray()).forEach(r -> viewers.put(r.get(0, String.class), r.get(1, Long.class)));
        return rows.stream().map(row -> new AnalyticsData.Breakdown(row.value(),
                withUniqueViewers(row.totals(), viewers.getOrDefault(row.value(), 0L)))).toList();
    }

    @Override
    public List<AnalyticsData.Point> timeseries(AnalyticsQuery query) {
        // Within one bucket the rollup's distinct count is exact: a point's unique viewers are that hour's or day's.
        var where = new Where(query);
        String bucket = where.hourly ? "bucket" : "(bucket::timestamp at time zone 'UTC')";
        return dsl.fetch("select " + bucket + ", " + SUMS + " from " + where.table + " where " + where.sql
                        + " group by bucket order by bucket", where.binds.toArray())
                .map(row -> new AnalyticsData.Point(row.get(0, OffsetDateTime.class).toInstant(), totals(row, 1)));
    }

    @Override
    public List<AnalyticsData.HourlyWatchTime> watchTimeByHour(Instant from, Instant to) {
        // Across organizations on purpose: metering bills each organization its own rows.
        return dsl.fetch("select organization_id, bucket, sum(watch_time_ms) from analytics_hourly"
                                + " where bucket >= ?::timestamptz and bucket < ?::timestamptz group by organization_id, bucket"
                                + " having sum(watch_time_ms) > 0 order by bucket, organization_id",
                        utc(from), utc(to))
                .map(row -> new AnalyticsData.HourlyWatchTime(new OrganizationId(row.get(0, java.util.UUID.class)),
                        row.get(1, OffsetDateTime.class).toInstant(), row.get(2, Long.class)));
    }

    @Override
    public AnalyticsData.@Nullable Percentiles startupPercentiles(AnalyticsQuery query) {
        var binds = new ArrayList<Object>();
        String where = rawWhere(query, binds) + " and startup_time_ms is not null";
        var row = dsl.fetchOne("select percentile_cont(0.5) within group (order by startup_time_ms),"
                + " percentile_cont(0.95) within group (order by startup_time_ms) from analytics_views where " + where, binds.toArray());
        if (row == null || row.get(0) == null) {
            return null;
        }
        return new AnalyticsData.Percentiles(row.get(0, Double.class), row.get(1, Double.class));
    }

    @Override
    public Map<String, Double> startupPercentile(AnalyticsQuery query, double fraction, AnalyticsData.@Nullable Dimension by) {
        var binds = new ArrayList<Object>();
        binds.add(fraction);
        String where = rawWhere(query, binds) + " and startup_time_ms is not null";
        String group = by == null ? "''::varchar" : by.column;
        var result = new java.util.LinkedHashMap<String, Double>();
        dsl.fetch("select " + group + ", percentile_cont(?) within group (order by startup_time_ms) from analytics_views"
                        + " where " + where + " group by 1 order by 1", binds.toArray())
                .forEach(row -> result.put(row.get(0, String.class), row.get(1, Double.class)));
        return result;
    }

    @Override
    public Map<Instant, Double> startupPercentileSeries(AnalyticsQuery query, double fraction) {
        var where = new Where(query);
        var binds = new ArrayList<Object>();
        binds.add(fraction);
        String raw = rawWhere(query, where.from, where.to, binds) + " and startup_time_ms is not null";
        // The same buckets as the rollup the other series read: hours up to 3 days, UTC days beyond.
        String bucket = where.hourly ? "date_trunc('hour', started_at at time zone 'UTC') at time zone 'UTC'"
                : "view_day::timestamp at time zone 'UTC'";
        var result = new java.util.LinkedHashMap<Instant, Double>();
        dsl.fetch("select " + bucket + ", percentile_cont(?) within group (order by startup_time_ms) from analytics_views"
                        + " where " + raw + " group by 1 order by 1", binds.toArray())
                .forEach(row -> result.put(row.get(0, OffsetDateTime.class).toInstant(), row.get(1, Double.class)));
        return result;
    }

    @Override
    public List<AnalyticsData.ViewRecord> views(AnalyticsQuery query, @Nullable String viewerId, int limit, int offset) {
        var binds = new ArrayList<Object>();
        String where = rawWhere(query, binds);
        if (viewerId != null) {
            where += " and viewer_id = ?";
            binds.add(viewerId);
        }
        binds.add(limit);
        binds.add(offset);
        return dsl.fetch("select * from analytics_views where " + where + " order by started_at desc, view_id limit ? offset ?",
                binds.toArray()).map(JooqAnalyticsRepository::view);
    }

    @Override
    public Optional<AnalyticsData.ViewRecord> view(OrganizationId organization, String viewId) {
        return dsl.fetchOptional("select * from analytics_views where organization_id = ? and view_id = ?", organization.value(), viewId)
                .map(JooqAnalyticsRepository::view);
    }

    @Override
    public void ensurePartitions(LocalDate from, LocalDate to) {
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (String table : List.of("analytics_views", "analytics_events")) {
                dsl.execute("create table if not exists " + table + "_" + day.format(PARTITION) + " partition of " + table
                        + " for values from ('" + day + "') to ('" + day.plusDays(1) + "')");
            }
        }
    }

    @Override
    public int dropPartitionsBefore(LocalDate day) {
        int dropped = 0;
        for (var name : dsl.fetch("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " join pg_class p on p.oid = i.inhparent where p.relname in ('analytics_views', 'analytics_events')")
                .getValues(0, String.class)) {
            var suffix = name.substring(name.lastIndexOf('_') + 1);
            if (suffix.matches("\\d{8}") && LocalDate.parse(suffix, PARTITION).isBefore(day)) {
                dsl.execute("drop table if exists " + name);
                dropped++;
            }
        }
        return dropped;
    }

    private static String rawWhere(AnalyticsQuery query, List<Object> binds) {
        return rawWhere(query, query.from(), query.to(), binds);
    }

    /**
     * Raw views of the organization started in [from, to) (and started playing: a player that only loaded
     * is no view), with the query's filters; day bounds let PostgreSQL skip partitions.
     */
    private static String rawWhere(AnalyticsQuery query, Instant from, Instant to, List<Object> binds) {
        var sql = new StringBuilder("organization_id = ? and view_day between ?::date and ?::date and started_at >= ?::timestamptz"
                + " and started_at < ?::timestamptz and started");
        binds.addAll(List.of(query.organization().value(), day(from).toString(), day(to).toString(), utc(from), utc(to)));
        filters(query, sql, binds);
        return sql.toString();
    }

    /**
     * Counting distinct viewers hashes them; with PostgreSQL's default 4 MB of working memory a month of
     * views would sort on disk instead. Only for this transaction ({@code set local}).
     */
    private void roomToCountViewers() {
        dsl.execute("set local work_mem = '64MB'");
    }

    private static Totals withUniqueViewers(Totals t, long uniqueViewers) {
        return new Totals(t.views(), uniqueViewers, t.watchTimeMs(), t.playingTimeMs(), t.startupTimeMsSum(), t.startedViews(),
                t.rebufferMs(), t.failedViews(), t.exitsBeforeStart());
    }

    private static void filters(AnalyticsQuery query, StringBuilder sql, List<Object> binds) {
        String[][] filters = {{"video_ref", query.videoRef()}, {"country", query.country()}, {"device_class", query.deviceClass()},
                {"os", query.os()}, {"browser", query.browser()}};
        for (var filter : filters) {
            if (filter[1] != null) {
                sql.append(" and ").append(filter[0]).append(" = ?");
                binds.add(filter[1]);
            }
        }
    }

    /** The rollup a range reads and its conditions: hourly buckets for short ranges, whole days for long ones. */
    private static final class Where {
        final boolean hourly;
        final String table;
        /** The span the rollup rows cover: whole hours (or whole UTC days) around the query's range. */
        final Instant from;
        final Instant to;
        final String sql;
        final List<Object> binds = new ArrayList<>();

        Where(AnalyticsQuery query) {
            hourly = Duration.between(query.from(), query.to()).compareTo(HOURLY_UP_TO) <= 0;
            table = hourly ? "analytics_hourly" : "analytics_daily";
            String cast = hourly ? "::timestamptz" : "::date";
            var text = new StringBuilder("organization_id = ? and bucket >= ?" + cast + " and bucket < ?" + cast);
            binds.add(query.organization().value());
            if (hourly) {
                from = query.from().truncatedTo(ChronoUnit.HOURS);
                to = query.to();
                binds.add(utc(from));
                binds.add(utc(to));
            } else {
                from = day(query.from()).atStartOfDay().toInstant(ZoneOffset.UTC);
                to = day(query.to()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                binds.add(day(query.from()).toString());
                binds.add(day(to).toString());
            }
            filters(query, text, binds);
            sql = text.toString();
        }
    }

    private static Totals totals(Record row, int from) {
        long[] v = new long[9];
        for (int i = 0; i < 9; i++) {
            Number n = (Number) row.get(from + i);
            v[i] = n == null ? 0 : n.longValue();
        }
        return new Totals(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    private static AnalyticsData.ViewRecord view(Record r) {
        return new AnalyticsData.ViewRecord(r.get("view_id", String.class), r.get("video_ref", String.class), r.get("video_title", String.class),
                r.get("viewer_id", String.class), r.get("country", String.class), r.get("region", String.class),
                r.get("city", String.class), r.get("device_class", String.class), r.get("os", String.class),
                r.get("browser", String.class), r.get("browser_version", String.class),
                r.get("started_at", OffsetDateTime.class).toInstant(), r.get("last_event_at", OffsetDateTime.class).toInstant(),
                r.get("watch_time_ms", Long.class), r.get("playing_time_ms", Long.class), r.get("startup_time_ms", Long.class),
                r.get("rebuffer_ms", Long.class), r.get("rebuffer_count", Integer.class), r.get("error_code", String.class),
                Boolean.TRUE.equals(r.get("ended", Boolean.class)));
    }

    /** Plain SQL binds time as text: every statement casts it ({@code ?::timestamptz}). */
    private static String utc(Instant instant) {
        return instant.toString();
    }

    private static LocalDate day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
