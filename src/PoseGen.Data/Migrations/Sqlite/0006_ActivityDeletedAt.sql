ALTER TABLE "Activities" ADD "DeletedAtUtc" TEXT NULL;
CREATE INDEX "IX_Activities_DeletedAtUtc" ON "Activities" ("DeletedAtUtc");
