package dev.latchkey.auth.signature.client;

import dev.latchkey.auth.request.sfv.ByteSequence;
import dev.latchkey.auth.request.sfv.Dictionary;
import dev.latchkey.auth.request.sfv.InnerList;
import dev.latchkey.auth.request.sfv.Item;
import dev.latchkey.auth.request.sfv.Member;
import dev.latchkey.auth.request.sfv.Parameters;
import dev.latchkey.auth.request.sfv.StructuredFields;
import dev.latchkey.auth.signature.ComponentIdentifier;
import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import dev.latchkey.auth.signature.SignatureBase;
import dev.latchkey.auth.signature.SignatureBaseException;
import dev.latchkey.auth.signature.StructuredFieldTypes;
import dev.latchkey.auth.signature.UriRequestComponents;
import dev.latchkey.auth.signature.digest.DigestAlgorithm;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs HTTP requests the way a Latchkey API verifies them (RFC 9421 §3.1), for clients and tests: it adds
 * {@code Content-Digest} (RFC 9530) for content, then {@code Signature-Input} and {@code Signature} covering
 * {@code @method}, {@code @target-uri} and, for content, {@code content-digest}, with {@code created}, the
 * {@code keyid}, and a random {@code nonce}.
 *
 * <pre>{@code
 * RequestSigner signer = RequestSigner.builder("ks_...", SignatureAlgorithm.ED25519, privateKey).build();
 * HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.example.com/orders"))
 *         .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
 * HttpResponse<String> response = client.send(signer.sign(request, body), HttpResponse.BodyHandlers.ofString());
 * }</pre>
 *
 * For HMAC keys pass {@link SignatureAlgorithm#hmacKey} of the decoded secret. The private key or secret never leaves
 * the signer. Components can be any that {@link SignatureBase} resolves; with {@code java.net.http}, do not cover
 * {@code host} or {@code content-length} (the client sets them itself): cover {@code @authority} and
 * {@code content-digest} instead.
 */
public final class RequestSigner {

    private final String keyId;
    private final SignatureAlgorithm algorithm;
    private final Key key;
    private final List<String> components;
    private final String label;
    private final String tag;
    private final boolean nonce;
    private final boolean includeAlg;
    private final Duration expiresIn;
    private final DigestAlgorithm digest;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private RequestSigner(Builder b) {
        this.keyId = b.keyId;
        this.algorithm = b.algorithm;
        this.key = b.key;
        this.components = List.copyOf(b.components);
        this.label = b.label;
        this.tag = b.tag;
        this.nonce = b.nonce;
        this.includeAlg = b.includeAlg;
        this.expiresIn = b.expiresIn;
        this.digest = b.digest;
        this.clock = b.clock;
    }

    /** @param key the private key, or {@link SignatureAlgorithm#hmacKey} of the HMAC secret */
    public static Builder builder(String keyId, SignatureAlgorithm algorithm, Key key) {
        return new Builder(keyId, algorithm, key);
    }

    /**
     * The header fields to add to a request: {@code Content-Digest} when {@code content} is not null, then
     * {@code Signature-Input} and {@code Signature}.
     *
     * @param headers the request's other header fields (those that covered components name)
     * @param content the request's content, or null for none
     * @throws IllegalArgumentException when a covered component cannot be resolved in the request
     */
    public Map<String, String> headers(String method, URI uri, Map<String, List<String>> headers, byte[] content) {
        Map<String, List<String>> all = new LinkedHashMap<>(headers);
        Map<String, String> added = new LinkedHashMap<>();
        if (content != null) {
            String contentDigest = StructuredFields.serialize(Dictionary.of(Map.of(digest.key(),
                    Item.of(ByteSequence.of(digest.newDigest().digest(content))))));
            added.put("Content-Digest", contentDigest);
            all.put("Content-Digest", List.of(contentDigest));
        }
        List<ComponentIdentifier> covered = new ArrayList<>();
        for (String name : components) {
            if (!"content-digest".equals(name) || content != null) {
                covered.add(ComponentIdentifier.of(name));
            }
        }
        InnerList params = new InnerList(covered.stream().map(ComponentIdentifier::toItem).toList(), parameters());
        try {
            byte[] base = new SignatureBase(new UriRequestComponents(method, uri, all, content != null),
                    StructuredFieldTypes.BUILT_IN).build(covered, params);
            byte[] signature = algorithm.sign(key, base);
            added.put("Signature-Input", StructuredFields.serialize(Dictionary.of(Map.<String, Member>of(label, params))));
            added.put("Signature", StructuredFields.serialize(Dictionary.of(Map.<String, Member>of(label,
                    Item.of(ByteSequence.of(signature))))));
            return added;
        } catch (SignatureBaseException e) {
            throw new IllegalArgumentException("cannot sign: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * A copy of {@code request} ({@code java.net.http}) with the signature headers added and {@code content} as its
     * body (null: none, the request's own method and publisher kept).
     */
    public HttpRequest sign(HttpRequest request, byte[] content) {
        Map<String, String> added = headers(request.method(), request.uri(), request.headers().map(), content);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true);
        added.forEach(builder::setHeader);
        if (content != null) {
            builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(content));
        }
        return builder.build();
    }

    private Parameters parameters() {
        long created = clock.instant().getEpochSecond();
        Parameters p = Parameters.EMPTY.with("created", created);
        if (expiresIn != null) {
            p = p.with("expires", created + expiresIn.toSeconds());
        }
        p = p.with("keyid", keyId);
        if (includeAlg) {
            p = p.with("alg", algorithm.httpName());
        }
        if (nonce) {
            byte[] n = new byte[16];
            random.nextBytes(n);
            p = p.with("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(n));
        }
        if (tag != null) {
            p = p.with("tag", tag);
        }
        return p;
    }

    /** Options; defaults: label {@code sig1}, components {@code @method @target-uri content-digest}, a nonce. */
    public static final class Builder {
        private final String keyId;
        private final SignatureAlgorithm algorithm;
        private final Key key;
        private List<String> components = List.of("@method", "@target-uri", "content-digest");
        private String label = "sig1";
        private String tag;
        private boolean nonce = true;
        private boolean includeAlg;
        private Duration expiresIn;
        private DigestAlgorithm digest = DigestAlgorithm.SHA_256;
        private Clock clock = Clock.systemUTC();

        private Builder(String keyId, SignatureAlgorithm algorithm, Key key) {
            this.keyId = Objects.requireNonNull(keyId, "keyId");
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            this.key = Objects.requireNonNull(key, "key");
            if (!algorithm.suits(key)) {
                throw new IllegalArgumentException(algorithm + " cannot sign with a " + key.getAlgorithm() + " key");
            }
        }

        /** Component names to cover, in order; {@code content-digest} is skipped for requests without content. */
        public Builder components(String... names) {
            this.components = List.of(names);
            return this;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        public Builder nonce(boolean nonce) {
            this.nonce = nonce;
            return this;
        }

        /** Adds the {@code alg} parameter (the verifier checks it against the key's algorithm). */
        public Builder includeAlg(boolean includeAlg) {
            this.includeAlg = includeAlg;
            return this;
        }

        public Builder expiresIn(Duration expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        public Builder digest(DigestAlgorithm digest) {
            this.digest = digest;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public RequestSigner build() {
            return new RequestSigner(this);
        }
    }
}
