-- H2 orders and compares strings by code point, so its primary key already serves a prefix: nothing to add.
SELECT 1;
