ALTER TABLE "Profiles" ADD "DisplayName" character varying(40) NULL;
