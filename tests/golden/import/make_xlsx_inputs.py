# Writes the XLSX inputs of the golden import cases (run from tests/golden/import/):
#   python3 make_xlsx_inputs.py
# Workbooks written by hand, the way spreadsheets vary: shared strings with rich-text runs,
# inline strings, numbers, a merged track row, a notes sheet before the ladder.
import zipfile, sys
from xml.sax.saxutils import escape

def col(n):
    s=''
    while n:
        n,r=divmod(n-1,26); s=chr(65+r)+s
    return s

def book(path, sheets, shared=True):
    """sheets: list of (name, rows, merges); a cell is str (shared string), ('inline', str) or int."""
    strings=[]; index={}
    def sid(t):
        if t not in index:
            index[t]=len(strings); strings.append(t)
        return index[t]
    z=zipfile.ZipFile(path,'w',zipfile.ZIP_DEFLATED)
    z.writestr('[Content_Types].xml','<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    rels=['<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>'%(i+1,i+1) for i in range(len(sheets))]
    z.writestr('xl/_rels/workbook.xml.rels','<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'+''.join(rels)+'</Relationships>')
    sh=['<sheet name="%s" sheetId="%d" r:id="rId%d"/>'%(escape(n),i+1,i+1) for i,(n,_,_) in enumerate(sheets)]
    z.writestr('xl/workbook.xml','<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'+''.join(sh)+'</sheets></workbook>')
    for i,(name,rows,merges) in enumerate(sheets):
        out=[]
        for r,row in enumerate(rows,1):
            cells=[]
            for c,v in enumerate(row,1):
                ref=col(c)+str(r)
                if v is None or v=='': continue
                if isinstance(v,int):
                    cells.append('<c r="%s"><v>%d</v></c>'%(ref,v))
                elif isinstance(v,tuple):
                    cells.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>'%(ref,escape(v[1])))
                else:
                    cells.append('<c r="%s" t="s"><v>%d</v></c>'%(ref,sid(v)))
            out.append('<row r="%d">%s</row>'%(r,''.join(cells)))
        m=''
        if merges:
            m='<mergeCells count="%d">%s</mergeCells>'%(len(merges),''.join('<mergeCell ref="%s"/>'%x for x in merges))
        z.writestr('xl/worksheets/sheet%d.xml'%(i+1),'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'+''.join(out)+'</sheetData>'+m+'</worksheet>')
    # shared strings, one with rich-text runs
    si=[]
    for t in strings:
        if t.startswith('RICH:'):
            a,b=t[5:].split('|')
            si.append('<si><r><rPr><b/></rPr><t>%s</t></r><r><t xml:space="preserve">%s</t></r></si>'%(escape(a),escape(b)))
        else:
            si.append('<si><t xml:space="preserve">%s</t></si>'%escape(t))
    z.writestr('xl/sharedStrings.xml','<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'%(len(strings),len(strings))+''.join(si)+'</sst>')
    z.close()

book('xlsx-grid-merged/input.xlsx',[
  ('Notes',[['This workbook holds our ladder; see the second sheet.']],[]),
  ('Ladder 🪜',[
    ['Track','Platform Engineer','','','Data Engineer',''],
    ['Area','Level 0','Level 1','Level 2','Level 0','Level 1'],
    ['Systems','• You keep a service running with a runbook.\n• You read dashboards.','• You design a service.','• You design systems across teams.','• You build a pipeline from a template.','• You design pipelines.'],
    ['On-call','','• You take the pager.','','',''],
    [('inline','Influence'),'RICH:You |ask good questions.','','• You set direction.','','• You teach SQL.'],
    ['Empty area','','','','',''],
  ],['B1:D1','E1:F1'])])
book('xlsx-rows/input.xlsx',[
  ('Levels',[
    ['Level','Title','Area','Behaviour','Examples'],
    [0,'Apprentice 🧰','Craft','Follows the style guide.','Formats code before review'],
    [0,'','Craft','Writes a test for each bug fixed.',''],
    [1,'Practitioner','Craft','Designs a module.',''],
    [1,'','People',('inline','Pairs with apprentices.'),''],
    [1,'','People',('inline','Pairs with apprentices.'),''],
    [2,'Expert','People','Runs the guild.',''],
  ],[])])
book('bad-xlsx-no-levels/input.xlsx',[
  ('People',[['Name','Email'],['Ada','ada@example.com']],[])])
data=open('xlsx-rows/input.xlsx','rb').read()
open('bad-xlsx-truncated/input.xlsx','wb').write(data[:len(data)//2])
open('bad-xlsx-empty/input.xlsx','wb').write(b'')
