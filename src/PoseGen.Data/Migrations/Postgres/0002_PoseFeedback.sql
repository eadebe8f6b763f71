CREATE TABLE "PoseFeedback" (
    "UserId" text NOT NULL,
    "PoseId" character varying(64) NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "UpdatedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PoseFeedback" PRIMARY KEY ("UserId", "PoseId"),
    CONSTRAINT "FK_PoseFeedback_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
