import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { ActivityDeps } from '../activities/deps';
import { TASK_QUEUE } from './config';

export const workflowsPath = new URL('../workflows/index.ts', import.meta.url).pathname;

interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue?: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests bundle once per run); without it the worker bundles workflows/ at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  maxConcurrentActivityTaskExecutions?: number;
}

export function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    activities: createActivities(options.deps),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions,
    // A fixed poller count gives the shared queue two pollers of ten: every new conversation's first
    // task waits there (a minute at 100 new conversations/s in bench/conversations.ts). The server
    // tells autoscaling pollers where the backlog is.
    workflowTaskPollerBehavior: { type: 'autoscaling', minimum: 2, initial: 10, maximum: 100 },
  });
}
