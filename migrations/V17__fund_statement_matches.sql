-- Statements of fund days are matched too: their captures are kept like those of events.
alter table match_capture drop constraint match_capture_kind_check;
alter table match_capture add constraint match_capture_kind_check check (kind in ('EVENTS', 'FUNDS'));
