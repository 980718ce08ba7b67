-- AlterEnum: viewer sorts below csm, as the schema lists it
ALTER TYPE "Role" ADD VALUE 'viewer' BEFORE 'csm';
