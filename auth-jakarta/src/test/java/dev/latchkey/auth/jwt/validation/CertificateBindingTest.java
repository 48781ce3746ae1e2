package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** RFC 8705 §3 and RFC 9449 §6.1: which {@code cnf} a token may carry with which presentation. */
class CertificateBindingTest {

    private static JWTClaimsSet cnf(Map<String, Object> cnf) {
        return new JWTClaimsSet.Builder().claim("cnf", cnf).build();
    }

    @Test
    void whenKeyBoundTokenWithDPoPThenAccepted() {
        assertNull(CertificateBinding.check(cnf(Map.of("jkt", "abc")), null, true));
        assertEquals(JwtRejection.DPOP_AS_BEARER, CertificateBinding.check(cnf(Map.of("jkt", "abc")), null, false));
    }

    /** The proof proves the key only: a certificate binding beside it is never skipped. */
    @Test
    void whenKeyAndCertificateBoundTokenWithDPoPButNoCertificateThenRefused() {
        assertEquals(JwtRejection.CERTIFICATE_REQUIRED,
                CertificateBinding.check(cnf(Map.of("jkt", "abc", "x5t#S256", "def")), null, true));
    }
}
