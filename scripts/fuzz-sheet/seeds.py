# Seeds for scripts/fuzz-sheet.sh: small sheets, the first two bytes choosing the segment
# size and the piece size the harness feeds them in.
import os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
base = ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="m" xmlns:r="r"><sheetPr><a/></sheetPr>'
        '<sheetData>%s</sheetData><pageMargins/></worksheet>')
rows = ''.join('<row r="%d"><c r="A%d" t="inlineStr"><is><t>Hội &amp; %d</t></is></c><c r="B%d"><v>%d</v></c></row>'
               % (i, i, i, i, i) for i in range(1, 30))
seeds = [base % rows, base % '<row><c><v>1</v></c></row><!-- <row> --><row/>',
         '<x:worksheet xmlns:x="m"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
         base % '', base.replace('<sheetData>%s</sheetData>', '<sheetData/>')]
for i, s in enumerate(seeds):
    for a, b in [(3, 5), (40, 1), (255, 255)]:
        with open(os.path.join(out, 's%d_%d' % (i, a)), 'wb') as f:
            f.write(bytes([a, b]) + s.encode())
