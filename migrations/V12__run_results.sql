-- A re-verification run's results page lists the events its recomputations did not find
-- CONSISTENT, in log order: without this index that walked every recomputation of every event.
create index recomputation_run on recomputation (run_id, event_sequence) where run_id is not null;
