ALTER TABLE "Profiles" ADD "DisplayName" TEXT NULL;
