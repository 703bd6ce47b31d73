package dev.weft.provisioner.spec;

/**
 * One node of a network: an orderer, a peer or a Fabric CA. Built by {@link NetworkNaming}, never by hand.
 *
 * @param kind what the node is
 * @param org name of its organisation ({@code orderer}, {@code org1} ...)
 * @param mspId MSP id of its organisation
 * @param index position within the org (orderers and peers), 0 for a CA
 * @param name the node's name: object name on Kubernetes, service short host name, crypto folder name
 */
public record FabricNode(Kind kind, String org, String mspId, int index, String name) {

    /** The kinds of node. */
    public enum Kind {
        ORDERER("orderer"),
        PEER("peer"),
        CA("ca");

        private final String component;

        Kind(String component) {
            this.component = component;
        }

        /** Value of the {@code app.kubernetes.io/component} label. */
        public String component() {
            return component;
        }
    }
}
