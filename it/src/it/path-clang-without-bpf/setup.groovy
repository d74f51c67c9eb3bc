// Cloning the project does not keep the executable bit.
assert new File(basedir, 'fakebin/clang').setExecutable(true)
return true
