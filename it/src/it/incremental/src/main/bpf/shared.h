#ifndef SHARED_H
#define SHARED_H
#define SHARED_MAX_ENTRIES 128
#endif
