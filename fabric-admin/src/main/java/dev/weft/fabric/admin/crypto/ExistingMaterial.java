package dev.weft.fabric.admin.crypto;

import java.util.List;
import java.util.Optional;

/** Material that already exists and must be reused instead of generated; {@link #NONE} for a fresh run. */
interface ExistingMaterial {

    ExistingMaterial NONE = new ExistingMaterial() {
        @Override
        public Optional<CertificateAuthority> ca(Topology.Org org, String caName, String directory) {
            return Optional.empty();
        }

        @Override
        public Optional<NodeMaterial> member(MemberRequest request) {
            return Optional.empty();
        }
    };

    /** The CA stored in {@code directory} ({@code <org>/ca} or {@code <org>/tlsca}), if any. */
    Optional<CertificateAuthority> ca(Topology.Org org, String caName, String directory);

    /** The node or user, if it exists; implementations check it against the request. */
    Optional<NodeMaterial> member(MemberRequest request);

    /** What a node or user must look like. */
    record MemberRequest(
            Topology.Org org,
            String name,
            NodeRole role,
            String directory,
            List<String> tlsSans,
            NodeMaterial.CaCertificate ca,
            NodeMaterial.CaCertificate tlsCa) {}
}
