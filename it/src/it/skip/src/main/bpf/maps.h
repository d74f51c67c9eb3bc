#ifndef MAPS_H
#define MAPS_H
struct counter {
	__u64 packets;
	__u64 bytes;
};
#endif
