// Two files named like objects that are not BPF objects: random bytes, and the header of an x86-64 ELF object.
def objects = new File(basedir, 'objects')
objects.mkdirs()
def random = new byte[4096]
new Random(42).nextBytes(random)
new File(objects, 'random.o').bytes = random

def x86 = new byte[64]
[0x7f, 'E' as char, 'L' as char, 'F' as char, 2, 1, 1].eachWithIndex { b, i -> x86[i] = (byte) (b as int) }
x86[16] = 1  // ET_REL
x86[18] = 62 // EM_X86_64
x86[52] = 64 // e_ehsize
new File(objects, 'x86.o').bytes = x86
return true
