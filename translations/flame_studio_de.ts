<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>flame::ui::AgreementModel</name>
    <message>
        <source>Undefined: both sides used one and the same label throughout</source>
        <translation>Nicht definiert: beide Seiten haben durchgehend dasselbe Label vergeben</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Übereinst.</translation>
    </message>
    <message>
        <source>κ</source>
        <translation>κ</translation>
    </message>
    <message>
        <source>Task, reviewer or pair of reviewers</source>
        <translation>Aufgabe, Prüfer oder Prüferpaar</translation>
    </message>
    <message>
        <source>Judgments compared</source>
        <translation>Verglichene Urteile</translation>
    </message>
    <message>
        <source>Share of judgments where both gave the same label</source>
        <translation>Anteil der Urteile, bei denen beide dasselbe Label vergeben haben</translation>
    </message>
    <message>
        <source>Cohen's kappa: agreement corrected for chance (1 perfect, 0 chance level)</source>
        <translation>Cohens Kappa: zufallsbereinigte Übereinstimmung (1 vollkommen, 0 Zufallsniveau)</translation>
    </message>
</context>
<context>
    <name>flame::ui::AgreementPanel</name>
    <message>
        <source>Reviewers against the original label, per task</source>
        <translation>Prüfer gegen das ursprüngliche Label, je Aufgabe</translation>
    </message>
    <message>
        <source>Each reviewer against the original label</source>
        <translation>Jeder Prüfer gegen das ursprüngliche Label</translation>
    </message>
    <message>
        <source>Between reviewers</source>
        <translation>Zwischen Prüfern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Agreement&lt;/b&gt;</source>
        <translation>&lt;b&gt;Übereinstimmung&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No labelled reviews yet (agree or relabel).</source>
        <translation>Noch keine Prüfungen mit Label (Zustimmung oder neues Label).</translation>
    </message>
    <message>
        <source>Overall: %1 labelled reviews, agreement %2 %, κ %3</source>
        <translation>Insgesamt: %1 Prüfungen mit Label, Übereinstimmung %2 %, κ %3</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>κ</source>
        <translation>κ</translation>
    </message>
</context>
<context>
    <name>flame::ui::BrowserView</name>
    <message>
        <source>Judgment %1 is not in the current selection (clear the filters to find it).</source>
        <translation>Urteil %1 ist nicht in der aktuellen Auswahl (Filter zurücksetzen, um es zu finden).</translation>
    </message>
    <message>
        <source>The search expression is not valid: %1</source>
        <translation>Der Suchausdruck ist ungültig: %1</translation>
    </message>
    <message>
        <source>Cannot read the judgments: %1</source>
        <translation>Die Urteile können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich geöffnet.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Counting… %1 found so far, at most %2</source>
        <translation>Zählung läuft… bisher %1 gefunden, höchstens %2</translation>
    </message>
    <message>
        <source>GENERATED sample data, not human judgments</source>
        <translation>GENERIERTE Beispieldaten, keine menschlichen Urteile</translation>
    </message>
    <message>
        <source>Judgments: %1</source>
        <translation>Urteile: %1</translation>
    </message>
    <message>
        <source>%1 judgments are not searchable yet (indexing runs in the background)</source>
        <translation>%1 Urteile sind noch nicht durchsuchbar (die Indizierung läuft im Hintergrund)</translation>
    </message>
</context>
<context>
    <name>flame::ui::DetailPane</name>
    <message>
        <source>Instructions:</source>
        <translation>Anweisungen:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Select a judgment to see it as the model sees it.</source>
        <translation>Wählen Sie ein Urteil, um es so zu sehen, wie das Modell es sieht.</translation>
    </message>
    <message>
        <source>Judgment %1 does not exist.</source>
        <translation>Urteil %1 existiert nicht.</translation>
    </message>
    <message>
        <source>generated sample corpus (not human data)</source>
        <translation>generiertes Beispielkorpus (keine menschlichen Daten)</translation>
    </message>
    <message>
        <source>imported from %1 (%2)</source>
        <translation>importiert aus %1 (%2)</translation>
    </message>
    <message>
        <source>AI feedback</source>
        <translation>KI-Feedback</translation>
    </message>
    <message>
        <source>&lt;b&gt;Judgment %1&lt;/b&gt; · %2 (%3, %4) · split %5 · annotator %6&lt;br&gt;%7</source>
        <translation>&lt;b&gt;Urteil %1&lt;/b&gt; · %2 (%3, %4) · Teilmenge %5 · Annotator %6&lt;br&gt;%7</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold label: %1&lt;/b&gt; (by %2)</source>
        <translation>&lt;b&gt;Gold-Label: %1&lt;/b&gt; (von %2)</translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>Noch keine Prüfungen.</translation>
    </message>
    <message>
        <source>Reviews:</source>
        <translation>Prüfungen:</translation>
    </message>
    <message>
        <source>current (version %1, %2)</source>
        <translation>aktuell (Version %1, %2)</translation>
    </message>
    <message>
        <source>version %1, %2, %3</source>
        <translation>Version %1, %2, %3</translation>
    </message>
</context>
<context>
    <name>flame::ui::FilterBar</name>
    <message>
        <source>Any type</source>
        <translation>Jeder Typ</translation>
    </message>
    <message>
        <source>Any capability</source>
        <translation>Jede Fähigkeit</translation>
    </message>
    <message>
        <source>Any split</source>
        <translation>Jede Teilmenge</translation>
    </message>
    <message>
        <source>Any review state</source>
        <translation>Jeder Prüfstatus</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Jedes Label</translation>
    </message>
    <message>
        <source>Only judgments with this label (the value of choice, rating or answer)</source>
        <translation>Nur Urteile mit diesem Label (Wert von choice, rating oder answer)</translation>
    </message>
    <message>
        <source>Any annotator</source>
        <translation>Jeder Annotator</translation>
    </message>
    <message>
        <source>Only judgments of this annotator id (exact)</source>
        <translation>Nur Urteile dieser Annotator-ID (exakt)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>words, "a phrase", prefix*, AND, OR, NOT, ( )</source>
        <translation>Wörter, "eine Phrase", Präfix*, AND, OR, NOT, ( )</translation>
    </message>
    <message>
        <source>Full-text search over every field of the judgments.
Words are matched as typed; "quotes" match a phrase; word* matches a prefix;
AND (implied between words), OR and NOT combine; parentheses group.</source>
        <translation>Volltextsuche über alle Felder der Urteile.
Wörter werden wie eingegeben gesucht; "Anführungszeichen" suchen eine Phrase; Wort* sucht ein Präfix;
AND (zwischen Wörtern implizit), OR und NOT verknüpfen; Klammern gruppieren.</translation>
    </message>
    <message>
        <source>&amp;Go to id:</source>
        <translation>&amp;Gehe zu ID:</translation>
    </message>
    <message>
        <source>judgment id</source>
        <translation>Urteils-ID</translation>
    </message>
    <message>
        <source>%1 (at character %2)</source>
        <translation>%1 (bei Zeichen %2)</translation>
    </message>
</context>
<context>
    <name>flame::ui::HistoryModel</name>
    <message>
        <source>v%1 · %2 · %3</source>
        <translation>v%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1  (current)</source>
        <translation>%1  (aktuell)</translation>
    </message>
</context>
<context>
    <name>flame::ui::ImportDialog</name>
    <message>
        <source>Import judgments</source>
        <translation>Urteile importieren</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <source>(from the file)</source>
        <translation>(aus der Datei)</translation>
    </message>
    <message>
        <source>Skip bad records and report them (otherwise a bad record stops the import and nothing is kept)</source>
        <translation>Fehlerhafte Datensätze überspringen und melden (sonst bricht ein fehlerhafter Datensatz den Import ab und nichts wird übernommen)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>Teilmenge:</translation>
    </message>
</context>
<context>
    <name>flame::ui::InstructionEditor</name>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>output fields</source>
        <translation>Ausgabefelder</translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Output fields:</source>
        <translation>&amp;Ausgabefelder:</translation>
    </message>
    <message>
        <source>Comma-separated; they must be the task's target fields, in order</source>
        <translation>Durch Kommas getrennt; es müssen die Zielfelder der Aufgabe in ihrer Reihenfolge sein</translation>
    </message>
    <message>
        <source>What changed and why (saved with the version)</source>
        <translation>Was wurde geändert und warum (wird mit der Version gespeichert)</translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation>Als neue Version &amp;speichern</translation>
    </message>
    <message>
        <source>Save (Ctrl+S): a new version with your name, the time and the message</source>
        <translation>Speichern (Strg+S): eine neue Version mit Ihrem Namen, der Uhrzeit und der Nachricht</translation>
    </message>
    <message>
        <source>Save mine on top of theirs</source>
        <translation>Meine Version darüber speichern</translation>
    </message>
    <message>
        <source>Take theirs (mine stays in Undo)</source>
        <translation>Ihre übernehmen (meine bleibt im Rückgängig-Verlauf)</translation>
    </message>
    <message>
        <source>Preview: the first judgments of the task, exactly as the model sees them</source>
        <translation>Vorschau: die ersten Urteile der Aufgabe, genau so, wie das Modell sie sieht</translation>
    </message>
    <message>
        <source>History (select one version to compare it with the one before, or two to compare them):</source>
        <translation>Verlauf (eine Version wählen, um sie mit der vorigen zu vergleichen, oder zwei, um diese zu vergleichen):</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Revert to this version</source>
        <translation>Auf diese Version zurücksetzen</translation>
    </message>
    <message>
        <source>Makes the selected version current again, as a new version</source>
        <translation>Macht die gewählte Version wieder aktuell, als neue Version</translation>
    </message>
    <message>
        <source>Undo instruction edit</source>
        <translation>Änderung der Anweisungen rückgängig</translation>
    </message>
    <message>
        <source>Redo instruction edit</source>
        <translation>Änderung der Anweisungen wiederholen</translation>
    </message>
    <message>
        <source>The title is empty.</source>
        <translation>Der Titel ist leer.</translation>
    </message>
    <message>
        <source>The description is empty.</source>
        <translation>Die Beschreibung ist leer.</translation>
    </message>
    <message>
        <source>The output fields must be the task's target fields: %1</source>
        <translation>Die Ausgabefelder müssen die Zielfelder der Aufgabe sein: %1</translation>
    </message>
    <message>
        <source>The title must be one line.</source>
        <translation>Der Titel muss eine Zeile sein.</translation>
    </message>
    <message>
        <source>Choose a task in the task tree to edit its instructions.</source>
        <translation>Wählen Sie eine Aufgabe im Aufgabenbaum, um ihre Anweisungen zu bearbeiten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Editing version %1 (by %2, %3).</source>
        <translation>Bearbeitet wird Version %1 (von %2, %3).</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>── judgment %1 ──</source>
        <translation>── Urteil %1 ──</translation>
    </message>
    <message>
        <source>This task has no judgments yet; the instructions block looks like this:</source>
        <translation>Diese Aufgabe hat noch keine Urteile; der Anweisungsblock sieht so aus:</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved the instructions of %1 as version %2.</source>
        <translation>Die Anweisungen von %1 wurden als Version %2 gespeichert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not saved: someone else saved version %1 of these instructions&lt;/b&gt; (%2, %3) while you were editing version %4. Nothing is lost: their version is saved, yours is still here. Below, what your version changes compared with theirs.</source>
        <translation>&lt;b&gt;Nicht gespeichert: Jemand anderes hat Version %1 dieser Anweisungen gespeichert&lt;/b&gt; (%2, %3), während Sie Version %4 bearbeitet haben. Nichts geht verloren: Die andere Version ist gespeichert, Ihre ist noch hier. Unten sehen Sie, was Ihre Version gegenüber der anderen ändert.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Output fields</source>
        <translation>Ausgabefelder</translation>
    </message>
    <message>
        <source>Save mine as version %1</source>
        <translation>Meine als Version %1 speichern</translation>
    </message>
    <message>
        <source>take version %1</source>
        <translation>Version %1 übernehmen</translation>
    </message>
    <message>
        <source>Not reverted: %1</source>
        <translation>Nicht zurückgesetzt: %1</translation>
    </message>
    <message>
        <source>Reverted %1 to version %2 (saved as version %3).</source>
        <translation>%1 auf Version %2 zurückgesetzt (gespeichert als Version %3).</translation>
    </message>
    <message>
        <source>Version %1 → version %2</source>
        <translation>Version %1 → Version %2</translation>
    </message>
    <message>
        <source>Save instructions</source>
        <translation>Anweisungen speichern</translation>
    </message>
</context>
<context>
    <name>flame::ui::JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the background work (nothing half-done is kept)</source>
        <translation>Die Hintergrundarbeit anhalten (nichts Halbfertiges bleibt zurück)</translation>
    </message>
</context>
<context>
    <name>flame::ui::JudgmentTableModel</name>
    <message>
        <source>gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>relabelled</source>
        <translation>neu gelabelt</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>noted</source>
        <translation>kommentiert</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Teilmenge</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>flame::ui::Labels</name>
    <message>
        <source>pairwise</source>
        <translation>paarweise</translation>
    </message>
    <message>
        <source>pointwise</source>
        <translation>punktweise</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>General response quality</source>
        <translation>Allgemeine Antwortqualität</translation>
    </message>
    <message>
        <source>Factuality / attribution</source>
        <translation>Faktentreue / Attribution</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Programmierung</translation>
    </message>
    <message>
        <source>Instruction tuning</source>
        <translation>Instruction-Tuning</translation>
    </message>
    <message>
        <source>Math</source>
        <translation>Mathematik</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>relabelled</source>
        <translation>neu gelabelt</translation>
    </message>
    <message>
        <source>disputed (needs adjudication)</source>
        <translation>strittig (Entscheidung nötig)</translation>
    </message>
    <message>
        <source>gold label set</source>
        <translation>Gold-Label gesetzt</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>Zustimmung</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>relabel</source>
        <translation>neues Label</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>There is nothing to search for.</source>
        <translation>Es gibt nichts zu suchen.</translation>
    </message>
    <message>
        <source>A quotation mark is not closed.</source>
        <translation>Ein Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>The parentheses do not match.</source>
        <translation>Die Klammern passen nicht zusammen.</translation>
    </message>
    <message>
        <source>AND, OR, NOT or a group has nothing on one side.</source>
        <translation>AND, OR, NOT oder eine Gruppe hat auf einer Seite nichts.</translation>
    </message>
    <message>
        <source>NOT needs a word before it, as in: apple NOT pie.</source>
        <translation>NOT braucht ein Wort davor, etwa: Apfel NOT Kuchen.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>flame::ui::MainWindow</name>
    <message>
        <source>Browse</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Export reviews</source>
        <translation>Prüfungen exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export gold labels</source>
        <translation>Gold-Labels exportieren</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Judgment</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>Instruction editor</source>
        <translation>Anweisungseditor</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Close workspace</source>
        <translation>Arbeitsbereich &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Generate sample corpus…</source>
        <translation>Beispielkorpus &amp;generieren…</translation>
    </message>
    <message>
        <source>&amp;Import judgments…</source>
        <translation>Urteile &amp;importieren…</translation>
    </message>
    <message>
        <source>Export &amp;reviews (JSON Lines)…</source>
        <translation>&amp;Prüfungen exportieren (JSON Lines)…</translation>
    </message>
    <message>
        <source>Export &amp;gold labels (JSON Lines)…</source>
        <translation>&amp;Gold-Labels exportieren (JSON Lines)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Browse</source>
        <translation>&amp;Durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Instructions</source>
        <translation>&amp;Anweisungen</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Prüfung</translation>
    </message>
    <message>
        <source>&amp;Find text…</source>
        <translation>Text &amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Go to judgment id…</source>
        <translation>&amp;Gehe zu Urteils-ID…</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About FLAMe Studio</source>
        <translation>&amp;Über FLAMe Studio</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>GENERATED sample data</source>
        <translation>GENERIERTE Beispieldaten</translation>
    </message>
    <message>
        <source>This workspace holds the generated sample corpus, not human judgments</source>
        <translation>Dieser Arbeitsbereich enthält das generierte Beispielkorpus, keine menschlichen Urteile</translation>
    </message>
    <message>
        <source>FLAMe Studio</source>
        <translation>FLAMe Studio</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(schreibgeschützt)</translation>
    </message>
    <message>
        <source>Busy with “%1”; cancel it or wait before opening another workspace.</source>
        <translation>Beschäftigt mit „%1“; brechen Sie es ab oder warten Sie, bevor Sie einen anderen Arbeitsbereich öffnen.</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>FLAMe workspaces (*.flame)</source>
        <translation>FLAMe-Arbeitsbereiche (*.flame)</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>About FLAMe Studio</source>
        <translation>Über FLAMe Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;FLAMe Studio&lt;/b&gt;&lt;p&gt;Curate a large corpus of human quality judgments in one unified text-to-text format and train autoraters the way the FLAMe paper does (Vu et al. 2024).&lt;/p&gt;</source>
        <translation>&lt;b&gt;FLAMe Studio&lt;/b&gt;&lt;p&gt;Ein großes Korpus menschlicher Qualitätsurteile in einem einheitlichen Text-zu-Text-Format kuratieren und Autorater so trainieren, wie es das FLAMe-Paper beschreibt (Vu et al. 2024).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Background work is running</source>
        <translation>Hintergrundarbeit läuft</translation>
    </message>
    <message>
        <source>“%1” is still running. Cancel it and quit?</source>
        <translation>„%1“ läuft noch. Abbrechen und beenden?</translation>
    </message>
</context>
<context>
    <name>flame::ui::ReviewView</name>
    <message>
        <source>Export reviews</source>
        <translation>Prüfungen exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export gold labels</source>
        <translation>Gold-Labels exportieren</translation>
    </message>
    <message>
        <source>the browser's filter</source>
        <translation>Filter des Browsers</translation>
    </message>
    <message>
        <source>Agree with the label</source>
        <translation>Dem Label zustimmen</translation>
    </message>
    <message>
        <source>Prefer A</source>
        <translation>A bevorzugen</translation>
    </message>
    <message>
        <source>Prefer B</source>
        <translation>B bevorzugen</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Next judgment</source>
        <translation>Nächstes Urteil</translation>
    </message>
    <message>
        <source>Previous judgment</source>
        <translation>Vorheriges Urteil</translation>
    </message>
    <message>
        <source>Undo the last review</source>
        <translation>Letzte Prüfung rückgängig</translation>
    </message>
    <message>
        <source>Blind mode (hide the human label)</source>
        <translation>Blindmodus (menschliches Label verbergen)</translation>
    </message>
    <message>
        <source>Highlight word differences</source>
        <translation>Wortunterschiede hervorheben</translation>
    </message>
    <message>
        <source>Set the gold label</source>
        <translation>Gold-Label setzen</translation>
    </message>
    <message>
        <source>Label or rating %1</source>
        <translation>Label oder Bewertung %1</translation>
    </message>
    <message>
        <source>Queue from browser filter</source>
        <translation>Warteschlange aus Browser-Filter</translation>
    </message>
    <message>
        <source>Review up to %1 judgments of the browser's current filter, from its visible row on</source>
        <translation>Bis zu %1 Urteile des aktuellen Browser-Filters prüfen, ab der sichtbaren Zeile</translation>
    </message>
    <message>
        <source>Disputed queue</source>
        <translation>Strittige Urteile</translation>
    </message>
    <message>
        <source>Judgments whose reviews disagree with the label and that have no gold label yet</source>
        <translation>Urteile, deren Prüfungen dem Label widersprechen und die noch kein Gold-Label haben</translation>
    </message>
    <message>
        <source>Blind [H]</source>
        <translation>Blind [H]</translation>
    </message>
    <message>
        <source>Differences [D]</source>
        <translation>Unterschiede [D]</translation>
    </message>
    <message>
        <source>Set gold label [Ctrl+G]</source>
        <translation>Gold-Label setzen [Strg+G]</translation>
    </message>
    <message>
        <source>Note on this judgment; Enter saves, Esc cancels</source>
        <translation>Notiz zu diesem Urteil; Eingabe speichert, Esc bricht ab</translation>
    </message>
    <message>
        <source>Export reviews…</source>
        <translation>Prüfungen exportieren…</translation>
    </message>
    <message>
        <source>Export gold labels…</source>
        <translation>Gold-Labels exportieren…</translation>
    </message>
    <message>
        <source>Building the queue…</source>
        <translation>Warteschlange wird erstellt…</translation>
    </message>
    <message>
        <source>The queue is empty.</source>
        <translation>Die Warteschlange ist leer.</translation>
    </message>
    <message>
        <source>%1 judgments to review.</source>
        <translation>%1 Urteile zu prüfen.</translation>
    </message>
    <message>
        <source>disputed judgments</source>
        <translation>strittige Urteile</translation>
    </message>
    <message>
        <source>End of the queue.</source>
        <translation>Ende der Warteschlange.</translation>
    </message>
    <message>
        <source>No queue: build one from the browser's filter or from the disputed judgments.</source>
        <translation>Keine Warteschlange: Erstellen Sie eine aus dem Browser-Filter oder aus den strittigen Urteilen.</translation>
    </message>
    <message>
        <source>Judgment %1 of %2 (%3)</source>
        <translation>Urteil %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · judgment %3 · split %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · Urteil %3 · Teilmenge %4</translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>Noch keine Prüfungen.</translation>
    </message>
    <message>
        <source>Reviews: %1</source>
        <translation>Prüfungen: %1</translation>
    </message>
    <message>
        <source>Gold label: &lt;b&gt;%1&lt;/b&gt; (by %2)</source>
        <translation>Gold-Label: &lt;b&gt;%1&lt;/b&gt; (von %2)</translation>
    </message>
    <message>
        <source>No gold label.</source>
        <translation>Kein Gold-Label.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A&lt;/b&gt;</source>
        <translation>&lt;b&gt;A&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;B&lt;/b&gt;</source>
        <translation>&lt;b&gt;B&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Human label hidden (blind mode; H shows it).</source>
        <translation>Menschliches Label verborgen (Blindmodus; H zeigt es).</translation>
    </message>
    <message>
        <source>Human label — %1</source>
        <translation>Menschliches Label — %1</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Recorded: %1%2 on judgment %3.</source>
        <translation>Gespeichert: %1%2 zu Urteil %3.</translation>
    </message>
    <message>
        <source>A and B apply to pairwise judgments only.</source>
        <translation>A und B gelten nur für paarweise Urteile.</translation>
    </message>
    <message>
        <source>Ratings of this task go from %1 to %2.</source>
        <translation>Die Bewertungen dieser Aufgabe reichen von %1 bis %2.</translation>
    </message>
    <message>
        <source>This task has %1 labels.</source>
        <translation>Diese Aufgabe hat %1 Labels.</translation>
    </message>
    <message>
        <source>Number keys choose a rating or a class; use A or B for pairwise judgments.</source>
        <translation>Zifferntasten wählen eine Bewertung oder Klasse; für paarweise Urteile A oder B verwenden.</translation>
    </message>
    <message>
        <source>A note needs text.</source>
        <translation>Eine Notiz braucht Text.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation>Nicht rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Withdrew the review of judgment %1.</source>
        <translation>Prüfung von Urteil %1 zurückgezogen.</translation>
    </message>
    <message>
        <source>Not adjudicated: %1</source>
        <translation>Nicht entschieden: %1</translation>
    </message>
    <message>
        <source>Gold label of judgment %1 set to %2.</source>
        <translation>Gold-Label von Urteil %1 auf %2 gesetzt.</translation>
    </message>
    <message>
        <source>Exported %1 reviews to %2.</source>
        <translation>%1 Prüfungen nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported %1 gold labels to %2.</source>
        <translation>%1 Gold-Labels nach %2 exportiert.</translation>
    </message>
</context>
<context>
    <name>flame::ui::SampleDialog</name>
    <message>
        <source>Generate the sample corpus</source>
        <translation>Beispielkorpus generieren</translation>
    </message>
    <message>
        <source>The sample corpus is GENERATED data shaped like the FLAMe collection (102 tasks, the paper's shares by type and capability), not human judgments. The same seed gives the same rows; rows already present are skipped.</source>
        <translation>Das Beispielkorpus besteht aus GENERIERTEN Daten nach dem Vorbild der FLAMe-Sammlung (102 Aufgaben, Anteile nach Typ und Fähigkeit wie im Paper), nicht aus menschlichen Urteilen. Derselbe Startwert ergibt dieselben Zeilen; vorhandene Zeilen werden übersprungen.</translation>
    </message>
    <message>
        <source>Judgments:</source>
        <translation>Urteile:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
</context>
<context>
    <name>flame::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
</context>
<context>
    <name>flame::ui::TaskTreeModel</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Judgments</source>
        <translation>Urteile</translation>
    </message>
    <message>
        <source>All tasks (generated sample data)</source>
        <translation>Alle Aufgaben (generierte Beispieldaten)</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Alle Aufgaben</translation>
    </message>
    <message>
        <source>Every judgment of the workspace</source>
        <translation>Alle Urteile des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Labels from AI feedback: kept apart from human data</source>
        <translation>Labels aus KI-Feedback: getrennt von menschlichen Daten gehalten</translation>
    </message>
    <message>
        <source>Not part of the 102-task FLAMe collection</source>
        <translation>Nicht Teil der FLAMe-Sammlung mit 102 Aufgaben</translation>
    </message>
</context>
<context>
    <name>flame::ui::WorkspaceController</name>
    <message>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>%1 wird erstellt</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>Generating %1 sample judgments</source>
        <translation>%1 Beispielurteile werden generiert</translation>
    </message>
    <message>
        <source>Sample generation cancelled; the batches written so far are kept (run it again to complete).</source>
        <translation>Generierung abgebrochen; die bisher geschriebenen Stapel bleiben erhalten (erneut ausführen, um sie abzuschließen).</translation>
    </message>
    <message>
        <source>Sample generation failed: %1</source>
        <translation>Generierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Generated %1 sample judgments (%2 were already there). This data is generated, not human.</source>
        <translation>%1 Beispielurteile generiert (%2 waren schon vorhanden). Diese Daten sind generiert, nicht menschlich.</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>%1 wird importiert</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was kept.</source>
        <translation>Import abgebrochen; nichts wurde übernommen.</translation>
    </message>
    <message>
        <source>Import of %1 failed: %2</source>
        <translation>Import von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Imported %1: %2 judgments added, %3 already present, %4 bad records skipped.</source>
        <translation>%1 importiert: %2 Urteile hinzugefügt, %3 schon vorhanden, %4 fehlerhafte Datensätze übersprungen.</translation>
    </message>
    <message>
        <source>Indexing %1 judgments for search</source>
        <translation>%1 Urteile werden für die Suche indiziert</translation>
    </message>
    <message>
        <source>Search indexing stopped; what was indexed is kept, the rest is indexed next time.</source>
        <translation>Suchindizierung angehalten; Indiziertes bleibt erhalten, der Rest wird beim nächsten Mal indiziert.</translation>
    </message>
    <message>
        <source>Search indexing failed: %1</source>
        <translation>Suchindizierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Every judgment is searchable.</source>
        <translation>Alle Urteile sind durchsuchbar.</translation>
    </message>
</context>
<context>
    <name>flame::ui::WorkspaceSession</name>
    <message>
        <source>Cannot read the statistics: %1</source>
        <translation>Die Statistik kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>FLAMe Studio: curate human quality judgments and train autoraters</source>
        <translation>FLAMe Studio: menschliche Qualitätsurteile kuratieren und Autorater trainieren</translation>
    </message>
    <message>
        <source>Workspace file (*.flame) to open</source>
        <translation>Zu öffnende Arbeitsbereichsdatei (*.flame)</translation>
    </message>
</context>
</TS>