package dev.weft.provisioner.workflow;

import dev.weft.fabric.admin.peer.Blocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Orderers and peers that remember the channels they joined, with switches to crash or refuse joins. */
public final class FakeAdmin implements AdminOperations {

    public final Map<String, Set<String>> channels = new ConcurrentHashMap<>();
    public final List<String> joins = new ArrayList<>();
    public boolean crashAfterFirstOrdererJoin;
    public boolean crashAfterFirstPeerJoin;
    public String refuseJoins;

    @Override
    public List<String> ordererChannels(Target orderer) {
        return List.copyOf(of(orderer));
    }

    @Override
    public void joinOrderer(Target orderer, byte[] genesisBlock) {
        join(orderer, genesisBlock);
        if (crashAfterFirstOrdererJoin) {
            crashAfterFirstOrdererJoin = false;
            throw new SimulatedCrash("after the first orderer joined");
        }
    }

    @Override
    public List<String> peerChannels(Target peer) {
        return List.copyOf(of(peer));
    }

    @Override
    public void joinPeer(Target peer, byte[] genesisBlock) {
        join(peer, genesisBlock);
        if (crashAfterFirstPeerJoin) {
            crashAfterFirstPeerJoin = false;
            throw new SimulatedCrash("after the first peer joined");
        }
    }

    private void join(Target node, byte[] block) {
        if (refuseJoins != null) {
            throw new IllegalStateException(node.name() + " refused the join: " + refuseJoins);
        }
        String channel = Blocks.channelId(block);
        of(node).add(channel);
        joins.add(node.name() + "→" + channel);
    }

    private Set<String> of(Target node) {
        // Keyed by name and address: one fake serves every network of a test JVM.
        return channels.computeIfAbsent(node.toString(), n -> new TreeSet<>());
    }
}
