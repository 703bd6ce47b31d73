package dev.weft.lifecycle.workflow;

import java.time.Duration;

/**
 * Timeouts of the workflow steps.
 *
 * @param serverStart how long a chaincode server may take to accept connections
 * @param install how long installs may take, retries included
 * @param approve how long approvals may take, retries on a settling network included
 * @param commit how long the commit may take, retries included
 * @param init how long the init transaction may take, retries included
 */
public record WorkflowSettings(
        Duration serverStart, Duration install, Duration approve, Duration commit, Duration init) {}
