package dev.weft.fabric.admin.chaincode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds a chaincode-as-a-service package, byte for byte the same for the same inputs on any machine.
 *
 * <p>Layout: {@code metadata.json} ({@code {"type":"ccaas","label":"…"}}) and {@code code.tar.gz}, which holds
 * {@code connection.json} and the CouchDB index files under {@code META-INF/statedb/couchdb/indexes/}; the peer
 * extracts that folder at install time whatever builder runs the chaincode. Tar entries are sorted with fixed
 * owner, mode and mtime, and gzip is written without compression so that no zlib version can change the bytes (see
 * {@link DeterministicGzip}).
 *
 * <pre>{@code
 * ChaincodePackage pkg = CcaasPackageBuilder.ccaas("marbles_1.0", ConnectionJson.plaintext("127.0.0.1:9999"))
 *         .couchDbIndex("indexOwner.json", indexJsonBytes)
 *         .build();
 * }</pre>
 */
public final class CcaasPackageBuilder {

    /** Where the peer looks for CouchDB index definitions inside {@code code.tar.gz}. */
    public static final String COUCHDB_INDEX_FOLDER = "META-INF/statedb/couchdb/indexes/";

    private static final Pattern INDEX_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*\\.json");
    private static final JsonFactory JSON = new JsonFactory();

    private final String label;
    private final ConnectionJson connection;
    private PackageType type = PackageType.CCAAS;
    private final Map<String, byte[]> indexes = new TreeMap<>();

    private CcaasPackageBuilder(String label, ConnectionJson connection) {
        this.label = ChaincodeLabel.require(label);
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** A package of type {@code ccaas} for the built-in builder. */
    public static CcaasPackageBuilder ccaas(String label, ConnectionJson connection) {
        return new CcaasPackageBuilder(label, connection);
    }

    /** Sets the {@code metadata.json} type ({@code ccaas} by default). */
    public CcaasPackageBuilder type(PackageType type) {
        this.type = Objects.requireNonNull(type, "type");
        return this;
    }

    /** Adds a CouchDB index definition as {@code META-INF/statedb/couchdb/indexes/<fileName>}. */
    public CcaasPackageBuilder couchDbIndex(String fileName, byte[] indexJson) {
        if (fileName == null || !INDEX_FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("index file name must be a plain *.json name, got: " + fileName);
        }
        indexes.put(fileName, Objects.requireNonNull(indexJson, "indexJson").clone());
        return this;
    }

    /** Builds the {@code .tgz}. */
    public ChaincodePackage build() {
        Map<String, byte[]> code = new LinkedHashMap<>();
        code.put("connection.json", connectionJson(connection));
        indexes.forEach((name, json) -> code.put(COUCHDB_INDEX_FOLDER + name, json));
        byte[] codeTarGz = DeterministicGzip.compress(DeterministicTar.write(code));

        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("metadata.json", metadataJson(type, label));
        outer.put("code.tar.gz", codeTarGz);
        return new ChaincodePackage(label, DeterministicGzip.compress(DeterministicTar.write(outer)));
    }

    /** The {@code metadata.json} bytes, fields in a fixed order. */
    static byte[] metadataJson(PackageType type, String label) {
        return json(generator -> {
            generator.writeStringField("type", type.value());
            generator.writeStringField("label", label);
        });
    }

    /** The {@code connection.json} bytes, fields in a fixed order, TLS material only when used. */
    static byte[] connectionJson(ConnectionJson connection) {
        return json(generator -> {
            generator.writeStringField("address", connection.address());
            generator.writeStringField("dial_timeout", connection.dialTimeoutText());
            generator.writeBooleanField("tls_required", connection.tlsRequired());
            generator.writeBooleanField("client_auth_required", connection.clientAuthRequired());
            if (connection.tlsRequired()) {
                generator.writeStringField("root_cert", connection.rootCert());
            }
            if (connection.clientAuthRequired()) {
                generator.writeStringField("client_key", connection.clientKey());
                generator.writeStringField("client_cert", connection.clientCert());
            }
        });
    }

    private interface Fields {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] json(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            fields.write(generator);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
