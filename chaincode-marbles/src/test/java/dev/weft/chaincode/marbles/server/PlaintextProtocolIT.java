package dev.weft.chaincode.marbles.server;

import dev.weft.chaincode.testpeer.TlsOptions;
import java.net.InetSocketAddress;

class PlaintextProtocolIT extends MarblesOverTheWire {

    @Override
    ServerConfig serverConfig(InetSocketAddress address) {
        return ServerConfig.plaintext(address, PACKAGE_ID);
    }

    @Override
    TlsOptions peerTls() {
        return TlsOptions.plaintext();
    }
}
