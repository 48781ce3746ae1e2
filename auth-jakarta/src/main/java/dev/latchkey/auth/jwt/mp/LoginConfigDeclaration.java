package dev.latchkey.auth.jwt.mp;

/**
 * The application's {@code @LoginConfig} (MicroProfile JWT 2.1, "Marking a JAX-RS Application as Requiring MP-JWT
 * Access Control"), found on its JAX-RS {@code Application} class at deployment.
 *
 * @param authMethod {@code authMethod}; {@value #MP_JWT} asks for bearer JWTs
 * @param realmName  {@code realmName}, possibly empty
 */
public record LoginConfigDeclaration(String authMethod, String realmName) {

    public static final String MP_JWT = "MP-JWT";

    public LoginConfigDeclaration {
        authMethod = authMethod == null ? "" : authMethod.trim();
        realmName = realmName == null ? "" : realmName.trim();
    }

    public boolean isMpJwt() {
        return MP_JWT.equalsIgnoreCase(authMethod);
    }
}
