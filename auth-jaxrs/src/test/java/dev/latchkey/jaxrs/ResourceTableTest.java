package dev.latchkey.jaxrs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JAX-RS 3.1 §3.7.2 matching of sub-resource locators for the pre-matching guard. */
class ResourceTableTest {

    public static class Sub {
        @GET
        public String get() {
            return "";
        }

        @Path("deeper")
        @RolesAllowed("deep")
        public Sub deeper() {
            return this;
        }
    }

    @Path("/loc")
    @RolesAllowed("admin")
    public static class Root {
        @Path("sub")
        public Sub sub() {
            return new Sub();
        }

        @GET
        @Path("sub/info")
        public String info() {
            return "";
        }

        @Path("{any}")
        public Sub variable() {
            return new Sub();
        }
    }

    @Path("/loc/sub/public")
    public static class MoreSpecific {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("/{x: [a-z]+}")
    public static class Tied {
        @Path("sub")
        @RolesAllowed("tied")
        public Sub sub() {
            return new Sub();
        }
    }

    @Path("/broken")
    public static class Broken {
        @Path("sub")
        @RolesAllowed({})
        public Sub sub() {
            return new Sub();
        }
    }

    private static final ResourceTable TABLE = ResourceTable.of(List.of(Root.class, MoreSpecific.class));

    private static List<String> locators(ResourceTable table, String path) {
        return table.locatorsFor(path).stream().map(m -> m.method().getName()).toList();
    }

    @Test
    void whenNoRootHasALocatorThenTheTableSaysSoAndFindsNoneForAnyPath() {
        ResourceTable plain = ResourceTable.of(List.of(MoreSpecific.class));
        assertFalse(plain.hasLocators());
        assertEquals(List.of(), locators(plain, "/loc/sub/public/deeper"));
    }

    @Test
    void whenARootHasALocatorThenTheTableSaysSo() {
        assertTrue(TABLE.hasLocators());
        assertTrue(ResourceTable.of(List.of(MoreSpecific.class, Tied.class)).hasLocators());
    }

    @Test
    void whenPathGoesThroughLocatorThenItIsFound() {
        assertEquals(List.of("sub"), locators(TABLE, "/loc/sub"));
        assertEquals(List.of("sub"), locators(TABLE, "/loc/sub/"));
        assertEquals(List.of("sub", "deeper"), locators(TABLE, "/loc/sub/deeper"));
        assertEquals(Set.of("admin"), TABLE.locatorsFor("/loc/sub").get(0).rule().orElseThrow().roles());
    }

    @Test
    void whenMoreLiteralCharactersThenLiteralLocatorBeatsVariableLocator() {
        assertEquals(List.of("variable"), locators(TABLE, "/loc/other"));
    }

    @Test
    void whenSubResourceMethodIsMoreSpecificThenNoLocator() {
        assertEquals(List.of(), locators(TABLE, "/loc/sub/info"));
    }

    @Test
    void whenAnotherRootIsMoreSpecificThenNoLocator() {
        assertEquals(List.of(), locators(TABLE, "/loc/sub/public"));
        assertEquals(List.of(), locators(TABLE, "/loc"));
        assertEquals(List.of(), locators(TABLE, "/elsewhere"));
    }

    @Test
    void whenRootsTieThenEveryTiedLocatorApplies() {
        ResourceTable table = ResourceTable.of(List.of(Tied.class, Twin.class));
        assertEquals(Set.of("sub", "twin"), Set.copyOf(locators(table, "/abc/sub")));
    }

    @Path("/{y: [a-c]+}")
    public static class Twin {
        @Path("sub")
        public Sub twin() {
            return new Sub();
        }
    }

    @Test
    void whenLocatorAnnotationsContradictThenTheTableFailsNamingTheLocator() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ResourceTable.of(List.of(Broken.class)));
        assertTrue(e.getMessage().contains(Broken.class.getName() + "#sub()"), e.getMessage());
    }

    @Test
    void whenRoutesListedThenLocatorRuleAndMethodRuleBothAppear() {
        RouteReport.Route route = TABLE.routes(UnannotatedPolicy.AUTHENTICATED).stream()
                .filter(r -> r.path().equals("/loc/sub") && r.httpMethod().equals("GET")).findFirst().orElseThrow();
        assertEquals(2, route.rules().size());
        assertTrue(route.rule().contains("roles any of [admin]"), route.rule());
    }

    @Path("/tree")
    public static class Tree {
        @Path("{name}")
        public Tree child() {
            return this;
        }

        @Path("restricted")
        @RolesAllowed("admin")
        public Tree restricted() {
            return this;
        }

        @GET
        public String get() {
            return "";
        }
    }

    @Path("/items")
    public static class Items {
        @Path("{id}/summary")
        public Sub summary() {
            return new Sub();
        }

        @Path("{id}/{section}")
        @RolesAllowed("admin")
        public Sub section() {
            return new Sub();
        }

        @Path("{a}/{b}")
        public Object tiedWithSection() {
            return new Sub();
        }
    }

    private static final ResourceTable SHAPES = ResourceTable.of(List.of(Tree.class, Items.class));

    private static Set<String> ran(String path, Class<?>... resources) {
        return SHAPES.locatorsRan(List.of(resources), path).stream().map(m -> m.method().getName())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void whenRecursiveLocatorThenEveryLevelIsFollowedBeforeMatching() {
        assertEquals(List.of("child", "restricted"), SHAPES.locatorsFor("/tree/a/b/restricted").stream()
                .map(m -> m.method().getName()).toList());
    }

    @Test
    void whenRoutedThenEachLevelsLocatorIsFoundFromThePathAndTheClasses() {
        assertEquals(Set.of("child", "restricted"),
                ran("/tree/a/b/restricted", Tree.class, Tree.class, Tree.class, Tree.class));
        assertEquals(Set.of("child"), ran("/tree/a/b", Tree.class, Tree.class, Tree.class));
        assertEquals(Set.of("summary"), ran("/items/42/summary", Items.class, Sub.class));
        assertEquals(Set.of("section", "tiedWithSection"), ran("/items/42/%73ummary", Items.class, Sub.class));
    }

    @Test
    void whenRoutedPathCannotBeFollowedThenEveryLocatorThatFitsApplies() {
        assertEquals(Set.of("child", "restricted"), ran("/elsewhere", Tree.class, Tree.class));
        assertThrows(IllegalStateException.class, () -> SHAPES.locatorsRan(List.of(Tree.class, Sub.class), "/tree/a"));
    }

    @Test
    void whenTemplateHasCharactersAPathCannotCarryThenTheyAreMatchedEncoded() {
        assertEquals("", PathPattern.of("caf\u00e9 x").remainder("/caf%C3%A9%20x"));
        assertEquals(null, PathPattern.of("summary").remainder("/%73ummary"));
        assertEquals("/a/b/c", RawPath.strip("/a;x=1/b;y/c"));
        assertEquals("/a/b", RawPath.strip("/a/b;x=1"));
    }

    @Test
    void whenLocatorIsRecursiveOrPolymorphicThenItsRoutesAreRuntimeNeverPublic() {
        List<RouteReport.Route> routes = SHAPES.routes(UnannotatedPolicy.PERMIT);
        RouteReport.Route recursive = routes.stream().filter(r -> r.path().equals("/tree/restricted/**"))
                .findFirst().orElseThrow();
        assertTrue(recursive.runtime() && !recursive.isPublic(), recursive.toString());
        assertTrue(routes.stream().anyMatch(r -> r.path().equals("/tree/{name}/**") && !r.isPublic()));
        RouteReport.Route viaSub = routes.stream().filter(r -> r.path().equals("/items/{id}/summary")
                && r.httpMethod().equals("GET")).findFirst().orElseThrow();
        assertTrue(viaSub.runtime() && !viaSub.isPublic(), viaSub.toString());
        assertTrue(routes.stream().anyMatch(r -> r.path().equals("/tree") && r.isPublic()));
    }
}
