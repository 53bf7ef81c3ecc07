package org.larco.lartpc.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectorConfigTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"microboone", "dune-fd", "icarus"})
    void presetLoadsThreePlanes(String name) {
        DetectorConfig config = DetectorConfig.preset(name);

        assertEquals(name, config.name());
        assertEquals(3, config.readout().planes().size());
        assertTrue(config.readout().planes().get(2).collection());
    }

    @Test
    void presetNamesListsAllPresets() {
        assertEquals(java.util.List.of("microboone", "dune-fd", "icarus"), DetectorConfig.presetNames());
    }

    @Test
    void unknownPresetListsValidNames() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DetectorConfig.preset("sbnd"));

        assertTrue(error.getMessage().contains("'sbnd'"), error.getMessage());
        assertTrue(error.getMessage().contains("microboone, dune-fd, icarus"), error.getMessage());
    }

    @Test
    void timePixelMatchesPixelWidth() {
        DetectorConfig config = DetectorConfig.preset("microboone");
        double pixelMm = config.effectiveTicksPerPixel() * config.readout().tickUs() * config.argon().driftVelocityMmPerUs();
        double widthMm = config.image().wiresPerPixel() * config.collectionPitchMm();

        assertEquals(widthMm, pixelMm, 0.5 * config.argon().driftVelocityMmPerUs() * config.readout().tickUs() + 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"microboone", "dune-fd", "icarus"})
    void presetPlacesVertexAtQuarterOfTwoWirePixels(String name) {
        ImageConfig image = DetectorConfig.preset(name).image();

        assertEquals(new ImageConfig(64, 64, 0, 2, 0.25), image);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "0.75", "1.5"})
    void vertexPositionOutsideRangeIsRejected(String value) throws IOException {
        Path file = dir.resolve("vertex.yaml");
        Files.writeString(file, "base: microboone\nimage: {vertexPosition: " + value + "}\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DetectorConfig.load(file));

        assertTrue(error.getMessage().contains("image.vertexPosition = " + Double.parseDouble(value)),
                error.getMessage());
        assertTrue(error.getMessage().contains("[0, 0.5]"), error.getMessage());
    }

    @Test
    void zeroWiresPerPixelIsRejected() throws IOException {
        Path file = dir.resolve("pixel.yaml");
        Files.writeString(file, "base: icarus\nimage: {wiresPerPixel: 0}\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DetectorConfig.load(file));

        assertTrue(error.getMessage().contains("image.wiresPerPixel = 0, expected 1 to 8"), error.getMessage());
    }

    @Test
    void vertexPositionOverridesPreset() throws IOException {
        Path file = dir.resolve("centred.yaml");
        Files.writeString(file, "base: dune-fd\nimage: {vertexPosition: 0.5, wiresPerPixel: 1}\n");

        ImageConfig image = DetectorConfig.load(file).image();

        assertEquals(new ImageConfig(64, 64, 0, 1, 0.5), image);
    }

    @Test
    void imageKeysLeftOutTakeDefaults() throws IOException {
        String json = DetectorConfig.preset("microboone").toJson()
                .replace(",\"wiresPerPixel\":2", "").replace(",\"vertexPosition\":0.25", "");
        Path file = dir.resolve("short.json");
        Files.writeString(file, json);

        ImageConfig image = DetectorConfig.load(file).image();

        assertEquals(ImageConfig.DEFAULT_WIRES_PER_PIXEL, image.wiresPerPixel());
        assertEquals(ImageConfig.DEFAULT_VERTEX_POSITION, image.vertexPosition());
        assertFalse(json.contains("vertexPosition"), json);
    }

    @Test
    void yamlFileOverridesBasePreset() throws IOException {
        Path file = dir.resolve("group.yaml");
        Files.writeString(file, """
                base: dune-fd
                name: group-b
                argon:
                  electronLifetimeMs: 1.5
                classPriors: {muon: 2.0}
                """);

        DetectorConfig config = DetectorConfig.load(file);

        assertEquals("group-b", config.name());
        assertEquals(1.5, config.argon().electronLifetimeMs());
        assertEquals(0.5, config.argon().driftFieldKvPerCm());
        assertEquals(java.util.Map.of("muon", 2.0), config.classPriors());
    }

    @Test
    void jsonFileRoundTrips() throws IOException {
        DetectorConfig preset = DetectorConfig.preset("icarus");
        Path file = dir.resolve("icarus.json");
        Files.writeString(file, preset.toJson());

        assertEquals(preset, DetectorConfig.load(file));
    }

    @Test
    void unknownKeyIsNamed() throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "base: microboone\nargon: {electronLifetimeMS: 3}\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DetectorConfig.load(file));

        assertTrue(error.getMessage().contains("electronLifetimeMS"), error.getMessage());
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void negativeLifetimeIsRejected() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "base: microboone\nargon: {electronLifetimeMs: -3}\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DetectorConfig.load(file));

        assertTrue(error.getMessage().contains("argon.electronLifetimeMs = -3.0"), error.getMessage());
    }

    @Test
    void unknownBasePresetIsRejected() throws IOException {
        Path file = dir.resolve("base.yaml");
        Files.writeString(file, "base: protodune\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DetectorConfig.load(file));

        assertTrue(error.getMessage().contains("'protodune'"), error.getMessage());
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("absent.yaml");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DetectorConfig.load(file));

        assertTrue(error.getMessage().contains("not found"), error.getMessage());
    }

    @Test
    void malformedYamlIsRejected() throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "argon: [unclosed\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DetectorConfig.load(file));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }
}
