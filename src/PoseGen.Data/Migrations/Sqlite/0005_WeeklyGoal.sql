ALTER TABLE "Profiles" ADD "WeeklyGoalKind" TEXT NULL;
ALTER TABLE "Profiles" ADD "WeeklyGoalTarget" INTEGER NULL;
