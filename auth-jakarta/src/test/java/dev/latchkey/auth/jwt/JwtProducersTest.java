package dev.latchkey.auth.jwt;

import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.fixtures.Keys;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtProducersTest {

    private static List<LogRecord> warningsFor(JwtSettings settings) {
        Logger logger = Logger.getLogger(JwtProducers.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    records.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            JwtProducers.warnAboutWeakSettings(settings);
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }

    private static JwtSettings settings(String... more) {
        Map<String, String> p = TestConfig.single(Keys.rsa("c-1").toPublicJWK().toJSONString(), more);
        p.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        return TestConfig.settings(p);
    }

    @Test
    void whenMinRsaBitsLoweredTo1024ThenOneWarningNamingTheProperty() {
        List<LogRecord> records = warningsFor(settings("latchkey.jwt.min-rsa-bits", "1024"));
        assertEquals(1, records.size());
        assertTrue(records.get(0).getMessage().contains("latchkey.jwt.min-rsa-bits"));
    }

    @Test
    void whenDefaultMinRsaBitsThenNoWarning() {
        assertEquals(0, warningsFor(settings()).size());
    }

    @Test
    void whenAnIssuerHasNoAudienceThenOneWarningNamingItsProperty() {
        Map<String, String> p = TestConfig.single(Keys.rsa("c-1").toPublicJWK().toJSONString());
        p.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        p.remove("mp.jwt.verify.audiences");
        p.put("latchkey.jwt.issuers.partner.issuer", "https://partner.example");
        p.put("latchkey.jwt.issuers.partner.publickey", Keys.rsa("p-1").toPublicJWK().toJSONString());
        p.put("latchkey.jwt.issuers.partner.audiences", "api");
        List<LogRecord> records = warningsFor(TestConfig.settings(p));
        assertEquals(1, records.size());
        String message = java.text.MessageFormat.format(records.get(0).getMessage(), records.get(0).getParameters());
        assertTrue(message.startsWith("mp.jwt.verify.audiences is not set"), message);
        assertTrue(message.contains(Tokens.ISSUER), message);
    }
}
