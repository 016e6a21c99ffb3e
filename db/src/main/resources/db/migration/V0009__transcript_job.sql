-- The ai-jobs job that wrote a transcript. Jobs are delivered at least once: a job that runs again
-- (its completion was lost after the transcript committed, or another worker took over its lease)
-- finds its own id here and leaves the transcript, and any edits made since, alone.
alter table transcripts add column job_id uuid;
