-- CreateEnum
CREATE TYPE "AssignmentStrategy" AS ENUM ('MANUAL', 'ROUND_ROBIN', 'LEAST_BUSY');

-- CreateEnum
CREATE TYPE "AssignmentReason" AS ENUM ('ROUTED', 'ACCEPTED', 'AUTO', 'ASSIGNED', 'TRANSFERRED', 'REOPENED', 'ESCALATED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastAssignedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "assignmentStrategy" "AssignmentStrategy" NOT NULL DEFAULT 'MANUAL',
ADD COLUMN     "escalationDepartmentId" UUID,
ADD COLUMN     "maxEscalations" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "escalations" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "firstResponseAt" TIMESTAMP(3),
ADD COLUMN     "flowState" TEXT NOT NULL DEFAULT 'GREETING',
ADD COLUMN     "lastAttendantId" UUID,
ADD COLUMN     "lastAttendedAt" TIMESTAMP(3),
ADD COLUMN     "lastDepartmentId" UUID,
ADD COLUMN     "queuedAt" TIMESTAMP(3),
ADD COLUMN     "timeoutAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "departmentId" UUID,
    "agentId" UUID,
    "byUserId" UUID,
    "reason" "AssignmentReason" NOT NULL,
    "note" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationNote" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickReply" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "shortcut" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "departmentId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Assignment_conversationId_startedAt_idx" ON "Assignment"("conversationId", "startedAt");

-- CreateIndex
CREATE INDEX "Assignment_agentId_endedAt_idx" ON "Assignment"("agentId", "endedAt");

-- CreateIndex
CREATE INDEX "ConversationNote_conversationId_createdAt_idx" ON "ConversationNote"("conversationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuickReply_companyId_shortcut_key" ON "QuickReply"("companyId", "shortcut");

-- CreateIndex
CREATE INDEX "Conversation_departmentId_status_queuedAt_idx" ON "Conversation"("departmentId", "status", "queuedAt");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickReply" ADD CONSTRAINT "QuickReply_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

