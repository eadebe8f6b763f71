// History details of a photo analysis: the skeleton overlay and keypoint table from the result document that the page
// carries in a JSON script block.
import { drawPeople, keypointTable } from '/js/skeleton.js';

const data = document.getElementById('analysis-data');
if (data) {
    const result = JSON.parse(data.textContent);
    drawPeople(document.getElementById('history-overlay'), result);
    document.getElementById('history-table').replaceChildren(keypointTable(result));
}
