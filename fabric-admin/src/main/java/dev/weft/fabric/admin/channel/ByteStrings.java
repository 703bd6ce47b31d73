package dev.weft.fabric.admin.channel;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import java.io.IOException;

/** Protobuf bytes helpers; map fields are always serialized in sorted key order so equal input gives equal bytes. */
final class ByteStrings {

    private ByteStrings() {}

    static ByteString of(byte[] bytes) {
        return ByteString.copyFrom(bytes);
    }

    static ByteString deterministic(Message message) {
        return ByteString.copyFrom(deterministicBytes(message));
    }

    static byte[] deterministicBytes(Message message) {
        byte[] bytes = new byte[message.getSerializedSize()];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        try {
            message.writeTo(out);
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("serializing to a byte array cannot fail", e);
        }
        return bytes;
    }
}
