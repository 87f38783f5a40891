#!/usr/bin/env python3
# Extracts one face of a TrueType collection (.ttc) into a .ttf (PDFsharp cannot read collections).
# Usage: scripts/extract-ttc-face.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc 0 out.ttf
import struct, sys
src, idx, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = open(src,'rb').read()
assert data[:4] == b'ttcf'
n = struct.unpack('>I', data[8:12])[0]
offs = struct.unpack('>%dI' % n, data[12:12+4*n])
o = offs[idx]
sfnt, numTables, sr, es, rs = struct.unpack('>IHHHH', data[o:o+12])
recs = []
for i in range(numTables):
    tag, cs, off, ln = struct.unpack('>4sIII', data[o+12+16*i:o+28+16*i])
    recs.append((tag, cs, off, ln))
recs.sort()
hdr_len = 12 + 16*numTables
body = b''; newrecs = []
pos = hdr_len
for tag, cs, off, ln in recs:
    t = data[off:off+ln]
    if tag == b'head':
        t = t[:8] + b'\0\0\0\0' + t[12:]
    pad = (4 - ln % 4) % 4
    newrecs.append((tag, cs, pos, ln))
    body += t + b'\0'*pad
    pos += ln + pad
def checksum(b):
    b = b + b'\0'*((4-len(b)%4)%4)
    return sum(struct.unpack('>%dI' % (len(b)//4), b)) & 0xffffffff
out = struct.pack('>IHHHH', sfnt, numTables, sr, es, rs)
for tag, cs, p, ln in newrecs:
    out += struct.pack('>4sIII', tag, cs, p, ln)
full = out + body
# fix head checksum adjustment
for tag, cs, p, ln in newrecs:
    if tag == b'head':
        adj = (0xB1B0AFBA - checksum(full)) & 0xffffffff
        full = full[:p+8] + struct.pack('>I', adj) + full[p+12:]
open(dst,'wb').write(full)
print(n, 'faces; wrote', dst, len(full), 'bytes', [r[0] for r in recs])
