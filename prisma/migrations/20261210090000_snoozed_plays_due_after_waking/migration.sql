-- A snoozed play is due 24 hours (the default `plays.wakeDueHours`) after it wakes, not at the moment it
-- wakes. New snoozes set that due time themselves; plays already asleep get it here.
UPDATE "Play"
SET "dueAt" = "snoozedUntil" + interval '24 hours'
WHERE status = 'snoozed' AND "snoozedUntil" IS NOT NULL AND "dueAt" = "snoozedUntil";
