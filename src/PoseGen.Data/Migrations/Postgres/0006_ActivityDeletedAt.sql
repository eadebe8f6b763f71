ALTER TABLE "Activities" ADD "DeletedAtUtc" timestamp with time zone NULL;
CREATE INDEX "IX_Activities_DeletedAtUtc" ON "Activities" ("DeletedAtUtc");
