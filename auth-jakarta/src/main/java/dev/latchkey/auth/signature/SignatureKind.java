package dev.latchkey.auth.signature;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.error.ErrorCodes;
import dev.latchkey.auth.signature.digest.ContentDigest;
import dev.latchkey.auth.signature.digest.ContentDigestGate;
import dev.latchkey.auth.signature.digest.DigestRejected;
import dev.latchkey.auth.spi.AbstractCredentialKind;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP message signature kind ({@value #NAME} in {@code latchkey.mechanisms}, RFC 9421): {@link SignatureResolver}
 * finds {@code Signature-Input}/{@code Signature}, {@link SignatureIdentityStore} (with {@link SignatureVerifier})
 * verifies them against the key registry, and the caller is the key's client. When the signature covers
 * {@code content-digest}, the application is given the request with its content checked against that field
 * ({@link ContentDigestGate}, RFC 9530): a mismatch is 400 and the resource never runs. When it does not, the
 * application's body is empty and any content it finds anyway fails the read (content of unknown length in HTTP/2 or
 * HTTP/3 added under a signature made without a body). A 401 to a request without
 * credentials carries {@code Accept-Signature} (RFC 9421 §5.1).
 */
public final class SignatureKind extends AbstractCredentialKind<SignatureCredential> {

    public static final String NAME = SignatureCallerMapper.MECHANISM;
    static final String WANT_CONTENT_DIGEST = "Want-Content-Digest";

    private final SignatureSettings settings;
    private final ContentDigestGate gate;

    public SignatureKind(SignatureSettings settings, SignatureResolver resolver) {
        super(NAME, List.of(SignatureVerifier.SCHEME), resolver);
        this.settings = settings;
        this.gate = settings.digest().gate();
    }

    @Override
    public Optional<String> credentialId(SignatureCredential credential) {
        return credential.verified().map(VerifiedSignature::keyId);
    }

    @Override
    public LatchkeyCaller caller(SignatureCredential credential, CredentialValidationResult valid) {
        String keyId = credentialId(credential).orElse(null);
        return LatchkeyCaller.from(valid, NAME, keyId,
                keyId == null ? Map.of() : Map.of(SignatureCallerMapper.ATTR_KEY_ID, keyId));
    }

    /** The content checked against the signed {@code Content-Digest} before the resource runs (see the class). */
    @Override
    public HttpServletRequest admittedRequest(SignatureCredential credential, HttpServletRequest request) {
        Optional<VerifiedSignature> verified = credential.verified();
        if (verified.isEmpty()) {
            return request;
        }
        if (!verified.get().coversContentDigest()) {
            if (!settings.requireContentDigest() && declaresContent(request)) {
                return request; // require-content-digest=false: the configured opt-out, content is not covered
            }
            return gate.withoutContent(request); // content nobody declared is never handed over (RFC 9421 §7.2.8)
        }
        String keyId = verified.get().keyId();
        try {
            ContentDigest digest = ContentDigest.parse(credential.request().fieldLines(ContentDigest.FIELD),
                    settings.digest().algorithms());
            return gate.check(request, digest);
        } catch (DigestRejected e) {
            throw new AuthenticationFailure(digestError(e).withCredentialId(keyId));
        } catch (IOException e) {
            throw new AuthenticationFailure(AuthError.invalidRequest(SignatureVerifier.SCHEME,
                    "request content could not be read", "content_unreadable").withCredentialId(keyId));
        }
    }

    /** Content announced by {@code Content-Length} or {@code Transfer-Encoding} (RFC 9112 §6.3). */
    private static boolean declaresContent(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private AuthError digestError(DigestRejected e) {
        Map<String, String> want = Map.of(WANT_CONTENT_DIGEST, ContentDigest.want(settings.digest().algorithms()));
        return switch (e.reason()) {
            case MISSING -> AuthError.invalidToken(SignatureVerifier.SCHEME, e.getMessage(), "content_digest_missing")
                    .withHeaders(want);
            case TOO_LARGE -> new AuthError(413, ErrorCodes.INVALID_REQUEST, e.getMessage(), null, Set.of(), Map.of(),
                    "content_too_large", null, Map.of());
            case MISMATCH -> AuthError.invalidRequest(SignatureVerifier.SCHEME, e.getMessage(),
                    "content_digest_mismatch");
            case MALFORMED -> AuthError.invalidRequest(SignatureVerifier.SCHEME, e.getMessage(),
                    "content_digest_malformed").withHeaders(want);
        };
    }

    /** An application identity store refused the signature without saying why. */
    @Override
    public AuthError invalid(SignatureCredential credential) {
        return AuthError.invalidToken(SignatureVerifier.SCHEME, "invalid signature", "signature_invalid")
                .withCredentialId(credentialId(credential).orElse(null));
    }

    @Override
    public Map<String, String> challengeHeaders(boolean withContent) {
        return Map.of(AcceptSignature.FIELD, AcceptSignature.render(settings, withContent));
    }
}
