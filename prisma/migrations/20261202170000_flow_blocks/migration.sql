-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "simulationId" UUID,
ADD COLUMN     "variables" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "CompanySecret" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompanySecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowSimulation" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "flowId" UUID NOT NULL,
    "numberId" UUID NOT NULL,
    "waId" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowSimulation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompanySecret_companyId_name_key" ON "CompanySecret"("companyId", "name");

-- CreateIndex
CREATE INDEX "FlowSimulation_companyId_waId_createdAt_idx" ON "FlowSimulation"("companyId", "waId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "CompanySecret" ADD CONSTRAINT "CompanySecret_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowSimulation" ADD CONSTRAINT "FlowSimulation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
