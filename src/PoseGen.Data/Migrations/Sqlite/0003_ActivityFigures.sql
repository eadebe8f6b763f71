ALTER TABLE "Activities" ADD "Exercise" TEXT NULL;
ALTER TABLE "Activities" ADD "GoodReps" INTEGER NULL;
ALTER TABLE "Activities" ADD "ImproperReps" INTEGER NULL;
ALTER TABLE "Activities" ADD "Score" REAL NULL;
ALTER TABLE "Activities" ADD "Seconds" REAL NULL;
CREATE INDEX "IX_Activities_UserId_Kind_CreatedAtUtc" ON "Activities" ("UserId", "Kind", "CreatedAtUtc");
