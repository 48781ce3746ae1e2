package dev.latchkey.auth.dpop.kind;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.dpop.DPoPErrors;
import dev.latchkey.auth.dpop.DPoPProofVerifier;
import dev.latchkey.auth.dpop.VerifiedProof;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.introspection.IntrospectedToken;
import dev.latchkey.auth.introspection.IntrospectionCallerMapper;
import dev.latchkey.auth.introspection.TokenIntrospector;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.auth.jwt.validation.VerifiedJwt;
import dev.latchkey.auth.request.AuthScheme;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Validates {@link DPoPCredential}s (RFC 9449 §7.1): the access token first, as a JWT (the JWT kind's verifier, with
 * its issuers and keys) or by introspection (RFC 7662, for the tokens the introspection settings take), which gives
 * the key it is bound to ({@code cnf.jkt}, §6.1, §6.2); then the proof against the request, that token and that key
 * ({@link DPoPProofVerifier}). A token bound to no key is refused: the DPoP scheme is for DPoP-bound tokens. Every
 * refusal carries a {@code DPoP} challenge. Verifiers are obtained on the first token.
 *
 * @param introspected  the tokens checked by introspection rather than as JWTs
 * @param jwtConfigured whether JWTs can be verified (an issuer is configured); else any other token is invalid
 */
public record DPoPIdentityStore(Supplier<DPoPProofVerifier> proofs, Supplier<JwtVerifier> jwts,
                                Supplier<JwtCallerMapper> jwtCallers, Supplier<TokenIntrospector> introspector,
                                Supplier<IntrospectionCallerMapper> introspectedCallers, Predicate<String> introspected,
                                boolean jwtConfigured) implements IdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof DPoPCredential dpop)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        DPoPProofVerifier verifier = proofs.get();
        LatchkeyCaller caller;
        String jkt;
        try {
            if (introspected.test(dpop.token())) {
                IntrospectedToken token = introspector.get().check(dpop.token());
                if (token.certificateBound()) { // RFC 8705: no client certificate is checked on this path
                    throw new AuthenticationFailure(verifier.errors().invalidToken("unsupported token binding",
                            "cnf_unsupported"));
                }
                jkt = token.jkt().orElse(null);
                caller = jkt == null ? null : introspectedCallers.get().map(token);
            } else if (!jwtConfigured) {
                throw new AuthenticationFailure(verifier.errors().invalidToken("token is not one this resource accepts",
                        "dpop_token_unverifiable"));
            } else {
                VerifiedJwt token = jwts.get().verify(dpop.token(), null, true);
                jkt = jkt(token.claims().getClaim("cnf")).orElse(null);
                caller = jkt == null ? null : jwtCallers.get().map(token);
            }
        } catch (AuthenticationFailure refused) {
            throw new AuthenticationFailure(asDPoP(refused.error(), verifier.errors()));
        }
        if (jkt == null) {
            throw new AuthenticationFailure(verifier.errors().invalidToken("token is not DPoP-bound",
                    "dpop_token_unbound"));
        }
        VerifiedProof proof = verifier.verify(dpop.proof(), dpop.token(), jkt);
        dpop.responseHeaders(proof.responseHeaders());
        caller = caller.withMechanism(DPoPKind.NAME); // a sender-constrained caller, whoever verified its token
        return new CredentialValidationResult(caller, caller.groups());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    private static Optional<String> jkt(Object cnf) {
        return cnf instanceof Map<?, ?> confirmation && confirmation.get("jkt") instanceof String jkt
                ? Optional.of(jkt) : Optional.empty();
    }

    /** A token refusal told with the DPoP scheme the client used (RFC 9449 §7.1); a 5xx keeps no challenge. */
    private static AuthError asDPoP(AuthError error, DPoPErrors errors) {
        return error.scheme() == null || error.isServerSide() ? error
                : error.withScheme(AuthScheme.DPOP).withChallengeParams(errors.challengeParams());
    }
}
