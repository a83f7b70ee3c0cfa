-- 0017: an approval records the business day it was decided on, beside the moment (decided_at). The legal
-- gate counts a possession approval decided on or before the day it looks at, as it does every event by
-- its business date; it compared the moment's UTC date instead, so in a workspace whose business day is
-- behind the clock (a demo landlord's fixed day, or a day not yet run) an approval given "today" counted
-- only from the clock's day. Decisions already made keep the London date of their moment.
ALTER TABLE approvals ADD COLUMN decided_on date;
UPDATE approvals SET decided_on = (decided_at AT TIME ZONE 'Europe/London')::date WHERE decided_at IS NOT NULL;
ALTER TABLE approvals ADD CONSTRAINT approvals_decided_on_check CHECK ((decided_at IS NULL) = (decided_on IS NULL));
