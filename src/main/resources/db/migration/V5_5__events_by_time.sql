-- GET /log?from=<instant> and the console's time range start at the first event stored at or after
-- an instant; Axon's JDBC store finds it with min(global_index) WHERE time_stamp >= ?, which without
-- this index reads the whole table (280 ms on a million events).
CREATE INDEX domain_event_entry_time_stamp ON domain_event_entry (time_stamp);
