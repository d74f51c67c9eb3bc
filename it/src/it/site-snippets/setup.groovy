// Builds, as a user would copy them, the snippets of the documentation site (src/site/markdown), so the pages
// cannot drift from what works: the plugin page's recommended <build> and its counter.bpf.c, and the harness
// page's <dependencies> + <build>, each completed only by what a page says to write around it (a <project> with
// coordinates). Java fragments on the pages (no imports) are not compiled; the harness project gets a small test.
def root = new File(basedir, '../../../..').canonicalFile
def pages = new File(root, 'src/site/markdown')
assert pages.isDirectory() : "no site pages at $pages"

def blocks = { File page, String language ->
    (page.text =~ /(?s)```$language\n(.*?)```/).collect { it[1] }
}
def pluginPage = new File(pages, 'plugin.md')
def harnessPage = new File(pages, 'harness.md')
def recommendedBuild = blocks(pluginPage, 'xml').find { it.startsWith('<build>') && it.contains('<goal>vmlinux</goal>') }
def counterSource = blocks(pluginPage, 'c').find { it.startsWith('// src/main/bpf/counter.bpf.c') }
def harnessSetup = blocks(harnessPage, 'xml').find { it.contains('<artifactId>bpf-test-harness</artifactId>') }
assert recommendedBuild && counterSource && harnessSetup : 'a snippet this IT builds is gone from the site'
new File(basedir, 'snippets.txt').text = [recommendedBuild, harnessSetup].join('\n----\n')

def project = { String name, String body ->
    """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>$name</artifactId>
  <version>1.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
$body
</project>
"""
}
def write = { String path, String text ->
    def file = new File(basedir, path)
    file.parentFile.mkdirs()
    file.text = text
}
write('plugin-page/pom.xml', project('plugin-page', recommendedBuild))
write('plugin-page/src/main/bpf/counter.bpf.c', counterSource)
write('harness-page/pom.xml', project('harness-page', harnessSetup))
// The harness page's setup compiles without vmlinux: the same counter with the header the snippet names instead.
write('harness-page/src/main/bpf/counter.bpf.c', counterSource.replace('#include "vmlinux.h"', '#include <linux/bpf.h>'))
write('harness-page/src/test/java/com/example/CounterTest.java', '''package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpfj.harness.BpfTest;
import org.ebpfj.harness.MapRef;
import org.ebpfj.kernel.map.BpfMap;
import org.junit.jupiter.api.Test;

@BpfTest(object = "bpf/counter.bpf.o")
class CounterTest {
    @MapRef("counts") BpfMap<Integer, Long> counts;

    @Test
    void theMapStartsEmptyAndTakesAValue() {
        assertThat(counts.lookup(1)).isEmpty();
        counts.put(1, 41L);
        assertThat(counts.lookup(1)).contains(41L);
    }
}
''')
write('pom.xml', '''<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.ebpfj.it</groupId>
  <artifactId>site-snippets</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <modules>
    <module>plugin-page</module>
    <module>harness-page</module>
  </modules>
</project>
''')
return true
