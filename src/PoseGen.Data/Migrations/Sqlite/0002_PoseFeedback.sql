CREATE TABLE "PoseFeedback" (
    "UserId" TEXT NOT NULL,
    "PoseId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "PK_PoseFeedback" PRIMARY KEY ("UserId", "PoseId"),
    CONSTRAINT "FK_PoseFeedback_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
