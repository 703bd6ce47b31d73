package dev.weft.provisioner.workflow;

/** Stands for the service dying mid-step: an Error, so the workflow does not record it as a step failure. */
final class SimulatedCrash extends Error {

    SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}
