ALTER TABLE "Profiles" ADD "WeeklyGoalKind" character varying(16) NULL;
ALTER TABLE "Profiles" ADD "WeeklyGoalTarget" integer NULL;
