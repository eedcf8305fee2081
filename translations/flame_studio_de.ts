<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>LaunchOptions</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>The workspace has no tokenizer yet: train it first (Train tokenizer, or `flame tokenizer WS train`).</source>
        <translation>Der Arbeitsbereich hat noch keinen Tokenizer: Trainieren Sie ihn zuerst (Tokenizer trainieren oder `flame tokenizer WS train`).</translation>
    </message>
    <message>
        <source>Steps must be at least 1.</source>
        <translation>Die Anzahl der Schritte muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>The batch must hold at least one example.</source>
        <translation>Der Batch muss mindestens ein Beispiel enthalten.</translation>
    </message>
    <message>
        <source>At least one rank is needed.</source>
        <translation>Mindestens ein Rank ist nötig.</translation>
    </message>
    <message>
        <source>The batch (%1) must be divisible by the number of ranks (%2).</source>
        <translation>Der Batch (%1) muss durch die Anzahl der Ranks (%2) teilbar sein.</translation>
    </message>
    <message>
        <source>The learning rate must be greater than 0 and at most 1.</source>
        <translation>Die Lernrate muss größer als 0 und höchstens 1 sein.</translation>
    </message>
    <message>
        <source>The evaluation interval cannot be negative.</source>
        <translation>Das Evaluationsintervall darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>Checkpoint at least every %1 steps.</source>
        <translation>Checkpoints mindestens alle %1 Schritte.</translation>
    </message>
    <message>
        <source>The model width (%1) must be divisible by the number of heads (%2).</source>
        <translation>Die Modellbreite (%1) muss durch die Anzahl der Heads (%2) teilbar sein.</translation>
    </message>
    <message>
        <source>The longest sequence must be at least 16 tokens.</source>
        <translation>Die längste Sequenz muss mindestens 16 Tokens umfassen.</translation>
    </message>
    <message>
        <source>Several ranks need all CUDA devices (cuda), not the single device %1.</source>
        <translation>Mehrere Ranks brauchen alle CUDA-Geräte (cuda), nicht das einzelne Gerät %1.</translation>
    </message>
    <message>
        <source>%1 ranks need %1 CUDA devices; %2 found.</source>
        <translation>%1 Ranks brauchen %1 CUDA-Geräte; %2 gefunden.</translation>
    </message>
    <message>
        <source>The device %1 is not available here.</source>
        <translation>Das Gerät %1 ist hier nicht verfügbar.</translation>
    </message>
    <message>
        <source>%1 continues a FLAMe run: choose the parent run.</source>
        <translation>%1 setzt einen FLAMe-Lauf fort: Wählen Sie den Ausgangslauf.</translation>
    </message>
    <message>
        <source>The parent must be a FLAMe run (run %1 is not).</source>
        <translation>Der Ausgangslauf muss ein FLAMe-Lauf sein (Lauf %1 ist keiner).</translation>
    </message>
    <message>
        <source>Run %1 has no checkpoint yet.</source>
        <translation>Lauf %1 hat noch keinen Checkpoint.</translation>
    </message>
    <message>
        <source>Run %1 has no checkpoint at step %2.</source>
        <translation>Lauf %1 hat keinen Checkpoint bei Schritt %2.</translation>
    </message>
    <message>
        <source>Tail-patching needs at least one step per task.</source>
        <translation>Tail-Patching braucht mindestens einen Schritt je Aufgabe.</translation>
    </message>
    <message>
        <source>Run %1, the initial network, does not exist.</source>
        <translation>Lauf %1, das Anfangsnetz, existiert nicht.</translation>
    </message>
    <message>
        <source>The initial network must come from a pretraining run (run %1 is not one).</source>
        <translation>Das Anfangsnetz muss aus einem Vortrainingslauf stammen (Lauf %1 ist keiner).</translation>
    </message>
</context>
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
        <source>Cohen&apos;s kappa: agreement corrected for chance (1 perfect, 0 chance level)</source>
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
    <name>flame::ui::BiasModel</name>
    <message>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>Compassion</source>
        <translation>Mitgefühl</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Egocentric</source>
        <translation>Egozentrik</translation>
    </message>
    <message>
        <source>Bandwagon</source>
        <translation>Mitläufer</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <source>%1 — reference</source>
        <translation>%1 — Referenz</translation>
    </message>
    <message>
        <source>FLAMe Table 4 (Koo et al. 2023 for the baselines): a 24B-parameter model on the real CoBBLEr pairs; shown for reference, not measured here</source>
        <translation>FLAMe-Tabelle 4 (Koo et al. 2023 für die Baselines): ein Modell mit 24 Mrd. Parametern auf den echten CoBBLEr-Paaren; zur Referenz gezeigt, hier nicht gemessen</translation>
    </message>
    <message>
        <source>Lower is better (0 = no bias)</source>
        <translation>Niedriger ist besser (0 = kein Bias)</translation>
    </message>
    <message>
        <source>Autorater</source>
        <translation>Autorater</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
</context>
<context>
    <name>flame::ui::BiasView</name>
    <message>
        <source>Measuring bias failed: %1</source>
        <translation>Bias-Messung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Measuring the biases of run %1 (its output goes to the run&apos;s log)…</source>
        <translation>Die Biases von Lauf %1 werden gemessen (die Ausgabe geht in das Log des Laufs)…</translation>
    </message>
    <message>
        <source>Measure bias of %1</source>
        <translation>Bias von %1 messen</translation>
    </message>
    <message>
        <source>Measure bias</source>
        <translation>Bias messen</translation>
    </message>
    <message>
        <source>%1 (reference)</source>
        <translation>%1 (Referenz)</translation>
    </message>
    <message>
        <source>&amp;Instructions (0: all):</source>
        <translation>An&amp;weisungen (0: alle):</translation>
    </message>
    <message>
        <source>Each CoBBLEr instruction has 120 response pairs, asked 8 ways</source>
        <translation>Jede CoBBLEr-Anweisung hat 120 Antwortpaare, in 8 Varianten gefragt</translation>
    </message>
    <message>
        <source>CoBBLEr-style bias probes (lower is better). Reference rows are the paper&apos;s Table 4, measured on the real CoBBLEr pairs with far larger models; they are not measured here.</source>
        <translation>Bias-Tests im Stil von CoBBLEr (niedriger ist besser). Die Referenzzeilen sind Tabelle 4 des Papers, gemessen auf den echten CoBBLEr-Paaren mit weit größeren Modellen; sie werden hier nicht gemessen.</translation>
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
    <name>flame::ui::CurvesView</name>
    <message>
        <source>Chat Hard</source>
        <translation>Chat Hard</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainings-Loss</translation>
    </message>
    <message>
        <source>Held-out loss</source>
        <translation>Held-out-Loss</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>training steps</source>
        <translation>Trainingsschritte</translation>
    </message>
    <message>
        <source>training examples seen</source>
        <translation>gesehene Trainingsbeispiele</translation>
    </message>
    <message>
        <source>%1 · %2: %3 at step %4 (%5 training examples)</source>
        <translation>%1 · %2: %3 bei Schritt %4 (%5 Trainingsbeispiele)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>Kurven exportieren</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>vs. steps</source>
        <translation>nach Schritten</translation>
    </message>
    <message>
        <source>vs. training examples</source>
        <translation>nach Trainingsbeispielen</translation>
    </message>
    <message>
        <source>Log scale for losses</source>
        <translation>Log-Skala für Loss-Kurven</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Fit every curve again (zoom with the wheel, pan by dragging)</source>
        <translation>Alle Kurven wieder einpassen (Zoomen mit dem Mausrad, Verschieben durch Ziehen)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Select one or more runs in the list to see their curves.</source>
        <translation>Wählen Sie einen oder mehrere Läufe in der Liste, um ihre Kurven zu sehen.</translation>
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
    <name>flame::ui::DisagreementModel</name>
    <message>
        <source>Judgment</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Human label</source>
        <translation>Menschliches Label</translation>
    </message>
    <message>
        <source>Model&apos;s verdict</source>
        <translation>Einschätzung des Modells</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
</context>
<context>
    <name>flame::ui::DisagreementView</name>
    <message>
        <source>run %1 disagrees</source>
        <translation>Lauf %1 widerspricht</translation>
    </message>
    <message>
        <source>Computing verdicts failed: %1</source>
        <translation>Berechnung der Einschätzungen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Select a run to see where it disagrees with the human labels.</source>
        <translation>Wählen Sie einen Lauf, um zu sehen, wo er den menschlichen Labels widerspricht.</translation>
    </message>
    <message>
        <source>Run %1 has no verdicts on corpus judgments yet: compute them (development split).</source>
        <translation>Lauf %1 hat noch keine Einschätzungen zu Urteilen des Korpus: Berechnen Sie sie (Teilmenge Entwicklung).</translation>
    </message>
    <message>
        <source>Run %1 at step %2 agrees with the human label on %3 of %4 development judgments (%5 %); %6 disagreements listed, most confident first.</source>
        <translation>Lauf %1 stimmt bei Schritt %2 in %3 von %4 Entwicklungsurteilen mit dem menschlichen Label überein (%5 %); %6 Abweichungen aufgeführt, die sichersten zuerst.</translation>
    </message>
    <message>
        <source>Computing run %1&apos;s verdicts on the development split…</source>
        <translation>Einschätzungen von Lauf %1 auf der Teilmenge Entwicklung werden berechnet…</translation>
    </message>
    <message>
        <source>run %1 disagrees with the human label</source>
        <translation>Lauf %1 widerspricht dem menschlichen Label</translation>
    </message>
    <message>
        <source>Compute verdicts</source>
        <translation>Einschätzungen berechnen</translation>
    </message>
    <message>
        <source>`flame predict`: the model judges development judgments of the run&apos;s tasks</source>
        <translation>`flame predict`: Das Modell beurteilt Entwicklungsurteile der Aufgaben des Laufs</translation>
    </message>
    <message>
        <source>&amp;Judgments per task (0: all):</source>
        <translation>Urteile &amp;je Aufgabe (0: alle):</translation>
    </message>
    <message>
        <source>Open in review</source>
        <translation>In Prüfung öffnen</translation>
    </message>
    <message>
        <source>Review these judgments in the curation studio, most confident disagreement first</source>
        <translation>Diese Urteile im Kurationsstudio prüfen, die sicherste Abweichung zuerst</translation>
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
        <source>words, &quot;a phrase&quot;, prefix*, AND, OR, NOT, ( )</source>
        <translation>Wörter, &quot;eine Phrase&quot;, Präfix*, AND, OR, NOT, ( )</translation>
    </message>
    <message>
        <source>Full-text search over every field of the judgments.
Words are matched as typed; &quot;quotes&quot; match a phrase; word* matches a prefix;
AND (implied between words), OR and NOT combine; parentheses group.</source>
        <translation>Volltextsuche über alle Felder der Urteile.
Wörter werden wie eingegeben gesucht; &quot;Anführungszeichen&quot; suchen eine Phrase; Wort* sucht ein Präfix;
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
        <source>Comma-separated; they must be the task&apos;s target fields, in order</source>
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
        <source>The output fields must be the task&apos;s target fields: %1</source>
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
    <name>flame::ui::LaunchDialog</name>
    <message>
        <source>&amp;Variant:</source>
        <translation>&amp;Variante:</translation>
    </message>
    <message>
        <source>&amp;Parent run:</source>
        <translation>&amp;Ausgangslauf:</translation>
    </message>
    <message>
        <source>Parent &amp;checkpoint:</source>
        <translation>Ausgangs-&amp;Checkpoint:</translation>
    </message>
    <message>
        <source>&amp;Model preset:</source>
        <translation>&amp;Modell-Preset:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>Sc&amp;hritte:</translation>
    </message>
    <message>
        <source>&amp;Batch:</source>
        <translation>&amp;Batch:</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>Lernra&amp;te:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>See&amp;d:</translation>
    </message>
    <message>
        <source>E&amp;valuate every:</source>
        <translation>&amp;Evaluieren alle:</translation>
    </message>
    <message>
        <source>Evaluation e&amp;xamples:</source>
        <translation>Evaluationsbe&amp;ispiele:</translation>
    </message>
    <message>
        <source>Checkpoint ever&amp;y:</source>
        <translation>Checkp&amp;oint alle:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>&amp;Ranks:</source>
        <translation>&amp;Ranks:</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <source>Heads:</source>
        <translation>Heads:</translation>
    </message>
    <message>
        <source>MLP width:</source>
        <translation>MLP-Breite:</translation>
    </message>
    <message>
        <source>Longest sequence:</source>
        <translation>Längste Sequenz:</translation>
    </message>
    <message>
        <source>Segment embeddings:</source>
        <translation>Segment-Einbettungen:</translation>
    </message>
    <message>
        <source>Steps per tail-patch:</source>
        <translation>Schritte je Tail-Patch:</translation>
    </message>
    <message>
        <source>Tail-patch:</source>
        <translation>Tail-Patch:</translation>
    </message>
    <message>
        <source>Ratings compare:</source>
        <translation>Bewertungen vergleichen:</translation>
    </message>
    <message>
        <source>Development examples:</source>
        <translation>Entwicklungsbeispiele:</translation>
    </message>
    <message>
        <source>Save run configuration</source>
        <translation>Laufkonfiguration speichern</translation>
    </message>
    <message>
        <source>Run configurations (*.json)</source>
        <translation>Laufkonfigurationen (*.json)</translation>
    </message>
    <message>
        <source>Load run configuration</source>
        <translation>Laufkonfiguration laden</translation>
    </message>
    <message>
        <source>Training the tokenizer…</source>
        <translation>Tokenizer wird trainiert…</translation>
    </message>
    <message>
        <source>New training run</source>
        <translation>Neuer Trainingslauf</translation>
    </message>
    <message>
        <source>Network (0 keeps the preset&apos;s size)</source>
        <translation>Netzwerk (0 behält die Größe des Presets)</translation>
    </message>
    <message>
        <source>Tail-patching (FLAMe-Opt-RM)</source>
        <translation>Tail-Patching (FLAMe-Opt-RM)</translation>
    </message>
    <message>
        <source>by group of similar tasks</source>
        <translation>nach Gruppen ähnlicher Aufgaben</translation>
    </message>
    <message>
        <source>every task alone</source>
        <translation>jede Aufgabe einzeln</translation>
    </message>
    <message>
        <source>the category score</source>
        <translation>den Kategorie-Score</translation>
    </message>
    <message>
        <source>the length-controlled score</source>
        <translation>den längenkontrollierten Score</translation>
    </message>
    <message>
        <source>Length-controlled: the accuracy with the pairs whose chosen response is longer and those where it is shorter weighted equally, so that a fine-tune that only flips the preference for long answers is not rated helpful</source>
        <translation>Längenkontrolliert: die Genauigkeit, bei der die Paare mit längerer und die mit kürzerer gewählter Antwort gleich gewichtet sind, damit ein Fine-Tuning, das nur die Vorliebe für lange Antworten umkehrt, nicht als hilfreich gilt</translation>
    </message>
    <message>
        <source>only at the end</source>
        <translation>nur am Ende</translation>
    </message>
    <message>
        <source>the whole set</source>
        <translation>das ganze Set</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>&amp;Laden…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>S&amp;peichern…</translation>
    </message>
    <message>
        <source>Train &amp;tokenizer</source>
        <translation>Tokeni&amp;zer trainieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>the variant&apos;s choice</source>
        <translation>Wahl der Variante</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2, %n checkpoint(s)</source>
        <translation>
            <numerusform>%1 — %2, %n Checkpoint</numerusform>
            <numerusform>%1 — %2, %n Checkpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>all CUDA devices (one rank each)</source>
        <translation>alle CUDA-Geräte (je ein Rank)</translation>
    </message>
    <message>
        <source>FLAMe-Opt-RM&apos;s mixture is decided when the run starts: every task is tail-patched from the parent&apos;s checkpoint and weighted by its effect. The Tail-patch view shows the result.</source>
        <translation>Die Mischung von FLAMe-Opt-RM wird beim Start des Laufs festgelegt: Jede Aufgabe wird ab dem Checkpoint des Ausgangslaufs per Tail-Patch trainiert und nach ihrer Wirkung gewichtet. Die Tail-Patch-Ansicht zeigt das Ergebnis.</translation>
    </message>
    <message>
        <source>Computing the mixture…</source>
        <translation>Mischung wird berechnet…</translation>
    </message>
    <message>
        <source>No mixture preview: %1</source>
        <translation>Keine Vorschau der Mischung: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s), %1 training examples; %2 examples per step (batch %3).</source>
        <translation>
            <numerusform>%n Aufgabe, %1 Trainingsbeispiele; %2 Beispiele je Schritt (Batch %3).</numerusform>
            <numerusform>%n Aufgaben, %1 Trainingsbeispiele; %2 Beispiele je Schritt (Batch %3).</numerusform>
        </translation>
    </message>
    <message>
        <source>No mixture preview: cannot start %1</source>
        <translation>Keine Vorschau der Mischung: %1 kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a run configuration: %2</source>
        <translation>%1 ist keine Laufkonfiguration: %2</translation>
    </message>
    <message>
        <source>Creating the run…</source>
        <translation>Lauf wird erstellt…</translation>
    </message>
    <message>
        <source>`flame train` refused: %1</source>
        <translation>`flame train` hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>&amp;Initial network:</source>
        <translation>Anfangsnetz (&amp;Warmstart):</translation>
    </message>
    <message>
        <source>Initial c&amp;heckpoint:</source>
        <translation>Anfangs-Chec&amp;kpoint:</translation>
    </message>
    <message>
        <source>Pretraining (an initial network for FLAMe)</source>
        <translation>Vortraining (ein Anfangsnetz für FLAMe)</translation>
    </message>
    <message>
        <source>random weights</source>
        <translation>Zufallsgewichte</translation>
    </message>
    <message>
        <source>the last</source>
        <translation>der letzte</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
</context>
<context>
    <name>flame::ui::LeaderboardModel</name>
    <message>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>baseline, same set</source>
        <translation>Baseline, gleiches Set</translation>
    </message>
    <message>
        <source>reference (paper)</source>
        <translation>Referenz (Paper)</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <source>Always the longer response</source>
        <translation>Immer die längere Antwort</translation>
    </message>
    <message>
        <source>Always the first response</source>
        <translation>Immer die erste Antwort</translation>
    </message>
    <message>
        <source>FLAMe Table 2: the official RewardBench leaderboard (15 Jul 2024) on the real benchmark; for reference, not comparable with the workspace&apos;s sample evaluation set</source>
        <translation>FLAMe-Tabelle 2: die offizielle RewardBench-Bestenliste (15. Juli 2024) auf dem echten Benchmark; zur Referenz, nicht vergleichbar mit dem Beispiel-Evaluationsset des Arbeitsbereichs</translation>
    </message>
    <message numerus="yes">
        <source>Evaluated during training on %n example(s) of the set</source>
        <translation>
            <numerusform>Während des Trainings auf %n Beispiel des Sets evaluiert</numerusform>
            <numerusform>Während des Trainings auf %n Beispielen des Sets evaluiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Examples evaluated</source>
        <translation>Evaluierte Beispiele</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Chat Hard</source>
        <translation>Chat Hard</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
</context>
<context>
    <name>flame::ui::LeaderboardView</name>
    <message>
        <source>Evaluation failed: %1</source>
        <translation>Evaluation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Evaluating run %1 on the whole set (its output goes to the run&apos;s log)…</source>
        <translation>Lauf %1 wird auf dem ganzen Set evaluiert (die Ausgabe geht in das Log des Laufs)…</translation>
    </message>
    <message>
        <source>Evaluate %1 on the whole set</source>
        <translation>%1 auf dem ganzen Set evaluieren</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <source>Evaluation &amp;set:</source>
        <translation>&amp;Evaluationsset:</translation>
    </message>
    <message>
        <source>Every evaluated checkpoint</source>
        <translation>Alle evaluierten Checkpoints</translation>
    </message>
    <message>
        <source>Periodic evaluations may use a subset of the set (see “Examples evaluated”)</source>
        <translation>Periodische Evaluationen verwenden eventuell nur einen Teil des Sets (siehe „Evaluierte Beispiele“)</translation>
    </message>
    <message>
        <source>RewardBench-style scores in percent. Baselines are measured on the same set; reference rows are the paper&apos;s Table 2 on the real RewardBench, not comparable with a generated sample set.</source>
        <translation>Scores im Stil von RewardBench in Prozent. Baselines werden auf demselben Set gemessen; die Referenzzeilen sind Tabelle 2 des Papers auf dem echten RewardBench und nicht mit einem generierten Beispielset vergleichbar.</translation>
    </message>
</context>
<context>
    <name>flame::ui::LogPanel</name>
    <message>
        <source>step %1  loss %2  lr %3  examples %4</source>
        <translation>Schritt %1  Loss %2  LR %3  Beispiele %4</translation>
    </message>
    <message>
        <source>evaluation at step %1: Chat %2  Chat Hard %3  Safety %4  Reasoning %5  Score %6  held-out loss %7</source>
        <translation>Evaluation bei Schritt %1: Chat %2  Chat Hard %3  Safety %4  Reasoning %5  Score %6  Held-out-Loss %7</translation>
    </message>
    <message>
        <source>checkpoint at step %1: %2</source>
        <translation>Checkpoint bei Schritt %1: %2</translation>
    </message>
    <message>
        <source>started: %1 on %2, rank %3 of %4</source>
        <translation>gestartet: %1 auf %2, Rank %3 von %4</translation>
    </message>
    <message>
        <source>, from step %1</source>
        <translation>, ab Schritt %1</translation>
    </message>
    <message>
        <source>ended: %1</source>
        <translation>beendet: %1</translation>
    </message>
    <message>
        <source>ended: %1 (%2)</source>
        <translation>beendet: %1 (%2)</translation>
    </message>
    <message>
        <source>tail-patched %1 (%2 of %3)</source>
        <translation>Tail-Patch fertig: %1 (%2 von %3)</translation>
    </message>
    <message>
        <source>tail-patch plan ready: mixture weights set</source>
        <translation>Tail-Patch-Plan fertig: Mischungsgewichte gesetzt</translation>
    </message>
    <message>
        <source>Select a run to follow its log.</source>
        <translation>Wählen Sie einen Lauf, um seinem Log zu folgen.</translation>
    </message>
    <message>
        <source>Run %1 was started outside the studio: its workers&apos; output went to the terminal that started them. Its state, metrics and results still come from the workspace.</source>
        <translation>Lauf %1 wurde außerhalb des Studios gestartet: Die Ausgabe seiner Worker ging an das Terminal, das sie gestartet hat. Zustand, Metriken und Ergebnisse kommen weiterhin aus dem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Log of run %1 — %2</source>
        <translation>Log von Lauf %1 — %2</translation>
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
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>Lä&amp;ufe</translation>
    </message>
</context>
<context>
    <name>flame::ui::MixtureModel</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Fähigkeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Sampling rate</source>
        <translation>Sampling-Rate</translation>
    </message>
    <message>
        <source>Examples per step</source>
        <translation>Beispiele je Schritt</translation>
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
        <source>the browser&apos;s filter</source>
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
        <source>Review up to %1 judgments of the browser&apos;s current filter, from its visible row on</source>
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
        <source>No queue: build one from the browser&apos;s filter or from the disputed judgments.</source>
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
    <name>flame::ui::RunInfo</name>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>flame::ui::RunListModel</name>
    <message>
        <source>waiting in the queue (place %1)</source>
        <translation>wartet in der Warteschlange (Platz %1)</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>created; not in the studio&apos;s queue (resume or start it)</source>
        <translation>erstellt; nicht in der Warteschlange des Studios (fortsetzen oder starten)</translation>
    </message>
    <message>
        <source>stopping at the next step</source>
        <translation>hält beim nächsten Schritt an</translation>
    </message>
    <message>
        <source>worker started outside the studio (%1)</source>
        <translation>Worker außerhalb des Studios gestartet (%1)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Latest periodic evaluation, in percent (RewardBench-style, on the workspace&apos;s evaluation set)</source>
        <translation>Letzte periodische Evaluation, in Prozent (im Stil von RewardBench, auf dem Evaluationsset des Arbeitsbereichs)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Chat Hard</source>
        <translation>Chat Hard</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>flame::ui::RunService</name>
    <message>
        <source>Runs: cannot open the workspace: %1</source>
        <translation>Läufe: Der Arbeitsbereich kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>Läufe: %1</translation>
    </message>
    <message>
        <source>Runs: cannot read the runs: %1</source>
        <translation>Läufe: Die Läufe können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the worker exited before it started the run</source>
        <translation>der Worker hat sich beendet, bevor er den Lauf gestartet hat</translation>
    </message>
    <message>
        <source>Run %1 could not start: %2</source>
        <translation>Lauf %1 konnte nicht starten: %2</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <source>no workspace is open</source>
        <translation>kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Run %1 was taken off the queue by a studio that stopped before starting it; it is queued again</source>
        <translation>Lauf %1 wurde von einem Studio aus der Warteschlange genommen, das vor dem Start beendet wurde; er steht wieder in der Warteschlange</translation>
    </message>
</context>
<context>
    <name>flame::ui::RunsController</name>
    <message>
        <source>no workspace is open</source>
        <translation>kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>`flame train` exited with status %1</source>
        <translation>`flame train` wurde mit Status %1 beendet</translation>
    </message>
    <message>
        <source>Cannot list devices with %1; offering the CPU only</source>
        <translation>Geräte können mit %1 nicht aufgelistet werden; nur die CPU wird angeboten</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>flame::ui::RunsView</name>
    <message>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message>
        <source>Delete %1 with their checkpoints, metrics and results? This cannot be undone.</source>
        <translation>%1 mit allen Checkpoints, Metriken und Ergebnissen löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>%1 running, %2 queued</source>
        <translation>%1 laufend, %2 eingereiht</translation>
    </message>
    <message>
        <source>&amp;New run…</source>
        <translation>&amp;Neuer Lauf…</translation>
    </message>
    <message>
        <source>D&amp;uplicate and edit…</source>
        <translation>D&amp;uplizieren und bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>The worker saves a checkpoint and stops; resume continues from it</source>
        <translation>Der Worker speichert einen Checkpoint und hält an; Fortsetzen macht dort weiter</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Queue the run again; it continues from its last checkpoint</source>
        <translation>Den Lauf erneut einreihen; er macht ab seinem letzten Checkpoint weiter</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the run with its checkpoints, metrics and results</source>
        <translation>Den Lauf mit seinen Checkpoints, Metriken und Ergebnissen löschen</translation>
    </message>
</context>
<context>
    <name>flame::ui::RunsWorkbench</name>
    <message numerus="yes">
        <source>%n run(s) started here are still training: %1.</source>
        <translation>
            <numerusform>%n hier gestarteter Lauf trainiert noch: %1.</numerusform>
            <numerusform>%n hier gestartete Läufe trainieren noch: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Workers keep running when the studio closes; reopening the workspace shows them again.</source>
        <translation>Worker laufen weiter, wenn das Studio geschlossen wird; beim erneuten Öffnen des Arbeitsbereichs erscheinen sie wieder.</translation>
    </message>
    <message>
        <source>Measurements in progress (bias, evaluation, verdicts) stop.</source>
        <translation>Laufende Messungen (Bias, Evaluation, Einschätzungen) werden beendet.</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>Leave them running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Stop them (checkpoint first)</source>
        <translation>Anhalten (vorher Checkpoint)</translation>
    </message>
    <message>
        <source>Do not ask again</source>
        <translation>Nicht mehr fragen</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>Bias</translation>
    </message>
    <message>
        <source>Tail-patch</source>
        <translation>Tail-Patch</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Bestenliste</translation>
    </message>
    <message>
        <source>Model vs. humans</source>
        <translation>Modell vs. Menschen</translation>
    </message>
</context>
<context>
    <name>flame::ui::SampleDialog</name>
    <message>
        <source>Generate the sample corpus</source>
        <translation>Beispielkorpus generieren</translation>
    </message>
    <message>
        <source>The sample corpus is GENERATED data shaped like the FLAMe collection (102 tasks, the paper&apos;s shares by type and capability), not human judgments. The same seed gives the same rows; rows already present are skipped.</source>
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
    <name>flame::ui::TailpatchModel</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Chat Hard</source>
        <translation>Chat Hard</translation>
    </message>
    <message>
        <source>Math</source>
        <translation>Mathematik</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Programmierung</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>generally helpful</source>
        <translation>allgemein hilfreich</translation>
    </message>
    <message>
        <source>others</source>
        <translation>übrige</translation>
    </message>
    <message>
        <source>top-2 %1</source>
        <translation>Top-2 %1</translation>
    </message>
    <message>
        <source>%1: %2 → %3 on the development set (change %4 points, rating %5)</source>
        <translation>%1: %2 → %3 auf dem Entwicklungsset (Änderung %4 Punkte, Bewertung %5)</translation>
    </message>
    <message>
        <source>Change of the category score after tail-patching on the task, in points, and its rating (+2 helpful, +1 somewhat, 0, -1 harmful)</source>
        <translation>Änderung des Kategorie-Scores nach Tail-Patching auf der Aufgabe, in Punkten, und ihre Bewertung (+2 hilfreich, +1 etwas hilfreich, 0, -1 schädlich)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Fähigkeit</translation>
    </message>
    <message>
        <source>Total rating</source>
        <translation>Gesamtbewertung</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Bündel</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Mixture share</source>
        <translation>Mischungsanteil</translation>
    </message>
</context>
<context>
    <name>flame::ui::TailpatchView</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No FLAMe-Opt-RM run in this workspace yet.</source>
        <translation>Noch kein FLAMe-Opt-RM-Lauf in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Run %1 has not measured any tail-patch yet.</source>
        <translation>Lauf %1 hat noch keinen Tail-Patch gemessen.</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) tail-patched; the plan set the mixture weights below.</source>
        <translation>
            <numerusform>%n Aufgabe per Tail-Patch trainiert; der Plan hat die Mischungsgewichte unten festgelegt.</numerusform>
            <numerusform>%n Aufgaben per Tail-Patch trainiert; der Plan hat die Mischungsgewichte unten festgelegt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) tail-patched so far; bundles and weights follow when every task is measured.</source>
        <translation>
            <numerusform>%n Aufgabe bisher per Tail-Patch trainiert; Bündel und Gewichte folgen, wenn jede Aufgabe gemessen ist.</numerusform>
            <numerusform>%n Aufgaben bisher per Tail-Patch trainiert; Bündel und Gewichte folgen, wenn jede Aufgabe gemessen ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting checkpoint on the development set: %1.</source>
        <translation>Start-Checkpoint auf dem Entwicklungsset: %1.</translation>
    </message>
    <message>
        <source>Cells: change of the category score in points (rating). &lt;span style=&quot;background:%1&quot;&gt;&amp;nbsp;gain&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;background:%2&quot;&gt;&amp;nbsp;loss&amp;nbsp;&lt;/span&gt;, scaled to the largest change (%3 points).</source>
        <translation>Zellen: Änderung des Kategorie-Scores in Punkten (Bewertung). &lt;span style=&quot;background:%1&quot;&gt;&amp;nbsp;Zuwachs&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;background:%2&quot;&gt;&amp;nbsp;Rückgang&amp;nbsp;&lt;/span&gt;, skaliert auf die größte Änderung (%3 Punkte).</translation>
    </message>
    <message>
        <source>FLAMe-Opt-RM run:</source>
        <translation>FLAMe-Opt-RM-Lauf:</translation>
    </message>
    <message>
        <source>Filter tasks…</source>
        <translation>Aufgaben filtern…</translation>
    </message>
    <message>
        <source>every bundle</source>
        <translation>alle Bündel</translation>
    </message>
    <message>
        <source>harmful somewhere (-1)</source>
        <translation>irgendwo schädlich (-1)</translation>
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
</TS>
