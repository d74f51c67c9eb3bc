// bpf.skip=true: the plugin must not even start clang on this file, so it does not compile on purpose.
#error "bpf.skip=true was ignored: this source was handed to clang"
