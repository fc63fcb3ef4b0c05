-- The projections moved from subscribing to tracking processors, whose tokens start at the
-- beginning of the log. Emptying their tables lets each one rebuild itself from the events once.
DELETE FROM gathering_attendee;
DELETE FROM gathering_view;
DELETE FROM user_view;
DELETE FROM entity_view;
DELETE FROM entity_type_view;
