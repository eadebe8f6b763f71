ALTER TABLE "Activities" ADD "Exercise" character varying(64) NULL;
ALTER TABLE "Activities" ADD "GoodReps" integer NULL;
ALTER TABLE "Activities" ADD "ImproperReps" integer NULL;
ALTER TABLE "Activities" ADD "Score" double precision NULL;
ALTER TABLE "Activities" ADD "Seconds" double precision NULL;
CREATE INDEX "IX_Activities_UserId_Kind_CreatedAtUtc" ON "Activities" ("UserId", "Kind", "CreatedAtUtc");
